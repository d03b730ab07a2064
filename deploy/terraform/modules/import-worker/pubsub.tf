resource "google_pubsub_topic" "import_requests" {
  project = var.project_id
  name    = var.import_requests_topic
  labels  = var.labels
}

resource "google_pubsub_topic" "import_results" {
  project = var.project_id
  name    = var.import_results_topic
  labels  = var.labels
}

resource "google_pubsub_topic" "audit_events" {
  project = var.project_id
  name    = var.audit_events_topic
  labels  = var.labels
}

resource "google_pubsub_topic" "dead_letter" {
  project = var.project_id
  name    = var.dead_letter_topic
  labels  = var.labels
}

resource "google_pubsub_subscription" "worker" {
  project                    = var.project_id
  name                       = var.import_requests_subscription
  topic                      = google_pubsub_topic.import_requests.id
  ack_deadline_seconds       = var.ack_deadline_seconds
  message_retention_duration = var.message_retention_duration
  labels                     = var.labels

  retry_policy {
    minimum_backoff = "${var.minimum_backoff_seconds}s"
    maximum_backoff = "${var.maximum_backoff_seconds}s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_subscription" "dead_letter_inspect" {
  project                    = var.project_id
  name                       = var.dead_letter_subscription
  topic                      = google_pubsub_topic.dead_letter.id
  ack_deadline_seconds       = var.ack_deadline_seconds
  message_retention_duration = var.message_retention_duration
  labels                     = var.labels

  expiration_policy {
    ttl = ""
  }
}
