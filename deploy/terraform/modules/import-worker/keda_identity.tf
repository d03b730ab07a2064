resource "google_service_account" "keda_operator" {
  count = var.keda_operator == null ? 0 : 1

  project      = var.project_id
  account_id   = var.keda_operator.service_account_id
  display_name = "KEDA operator"
  description  = "Reads Pub/Sub subscription metrics from Cloud Monitoring for KEDA's gcp-pubsub scaler."
}

resource "google_project_iam_member" "keda_operator_reads_metrics" {
  count = var.keda_operator == null ? 0 : 1

  project = var.project_id
  role    = "roles/monitoring.viewer"
  member  = "serviceAccount:${google_service_account.keda_operator[0].email}"
}

resource "google_service_account_iam_member" "keda_operator_workload_identity" {
  count = var.keda_operator == null ? 0 : 1

  service_account_id = google_service_account.keda_operator[0].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.keda_operator.namespace}/${var.keda_operator.service_account}]"
}
