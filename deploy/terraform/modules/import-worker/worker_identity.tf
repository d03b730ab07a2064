resource "google_service_account" "worker" {
  project      = var.project_id
  account_id   = var.service_account_id
  display_name = "import-worker"
  description  = "Runs import-worker: pulls import requests, publishes results, audit events and dead letters."
}

locals {
  worker_member = "serviceAccount:${google_service_account.worker.email}"
  published_topics = {
    import_results = google_pubsub_topic.import_results.name
    audit_events   = google_pubsub_topic.audit_events.name
    dead_letter    = google_pubsub_topic.dead_letter.name
  }
}

resource "google_pubsub_subscription_iam_member" "worker_pulls" {
  project      = var.project_id
  subscription = google_pubsub_subscription.worker.name
  role         = "roles/pubsub.subscriber"
  member       = local.worker_member
}

resource "google_pubsub_subscription_iam_member" "worker_reads_subscription" {
  project      = var.project_id
  subscription = google_pubsub_subscription.worker.name
  role         = "roles/pubsub.viewer"
  member       = local.worker_member
}

resource "google_pubsub_topic_iam_member" "worker_publishes" {
  for_each = local.published_topics

  project = var.project_id
  topic   = each.value
  role    = "roles/pubsub.publisher"
  member  = local.worker_member
}

resource "google_storage_bucket_iam_member" "worker_reads_imports" {
  for_each = toset(var.import_buckets)

  bucket = each.value
  role   = "roles/storage.objectViewer"
  member = local.worker_member
}

resource "google_service_account_iam_member" "worker_workload_identity" {
  service_account_id = google_service_account.worker.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.kubernetes_namespace}/${var.kubernetes_service_account}]"
}
