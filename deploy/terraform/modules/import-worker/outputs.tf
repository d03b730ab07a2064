output "topics" {
  description = "Ids of the topics, by role."
  value = {
    import_requests = google_pubsub_topic.import_requests.id
    import_results  = google_pubsub_topic.import_results.id
    audit_events    = google_pubsub_topic.audit_events.id
    dead_letter     = google_pubsub_topic.dead_letter.id
  }
}

output "worker_subscription" {
  description = "Id of the subscription the worker pulls from; KEDA's gcp-pubsub trigger scales on its backlog."
  value       = google_pubsub_subscription.worker.id
}

output "dead_letter_subscription" {
  description = "Id of the dead-letter inspection subscription."
  value       = google_pubsub_subscription.dead_letter_inspect.id
}

output "worker_service_account_email" {
  description = "Email of the worker's Google service account: the iam.gke.io/gcp-service-account annotation of its Kubernetes service account."
  value       = google_service_account.worker.email
}

output "keda_operator_service_account_email" {
  description = "Email of the KEDA operator's Google service account, for the annotation of keda-operator's Kubernetes service account; null when not managed here."
  value       = var.keda_operator == null ? null : google_service_account.keda_operator[0].email
}
