variable "project_id" {
  description = "Project that holds the topics, the subscriptions and the worker's service account."
  type        = string
}

variable "import_requests_topic" {
  description = "Topic upstream systems publish ImportRequested to (IMPORT_REQUESTS_TOPIC)."
  type        = string
  default     = "import-requests"
}

variable "import_requests_subscription" {
  description = "Subscription the worker pulls from (IMPORT_REQUESTS_SUBSCRIPTION)."
  type        = string
  default     = "import-requests-worker"
}

variable "import_results_topic" {
  description = "Topic the worker publishes result events to (IMPORT_RESULTS_TOPIC)."
  type        = string
  default     = "import-results"
}

variable "audit_events_topic" {
  description = "Topic the worker publishes audit events to (AUDIT_EVENTS_TOPIC)."
  type        = string
  default     = "audit-events"
}

variable "dead_letter_topic" {
  description = "Topic poison messages land on (DEAD_LETTER_TOPIC)."
  type        = string
  default     = "import-requests-dead-letter"
}

variable "dead_letter_subscription" {
  description = "Subscription operators inspect and replay dead letters from (DEAD_LETTER_SUBSCRIPTION)."
  type        = string
  default     = "import-requests-dead-letter-inspect"
}

variable "ack_deadline_seconds" {
  description = "Ack deadline of the worker subscription."
  type        = number
  default     = 60
}

variable "minimum_backoff_seconds" {
  description = "Shortest redelivery delay of the worker subscription's retry policy."
  type        = number
  default     = 10
}

variable "maximum_backoff_seconds" {
  description = "Longest redelivery delay of the worker subscription's retry policy."
  type        = number
  default     = 600
}

variable "max_delivery_attempts" {
  description = "Delivery attempts before a message is dead-lettered."
  type        = number
  default     = 5
}

variable "message_retention_duration" {
  description = "How long unacknowledged messages are kept on each subscription."
  type        = string
  default     = "604800s"
}

variable "service_account_id" {
  description = "Account id of the worker's Google service account."
  type        = string
  default     = "import-worker"
}

variable "kubernetes_namespace" {
  description = "Namespace of the worker's Kubernetes service account (Workload Identity)."
  type        = string
  default     = "import-worker"
}

variable "kubernetes_service_account" {
  description = "Name of the worker's Kubernetes service account (Workload Identity)."
  type        = string
  default     = "import-worker"
}

variable "import_buckets" {
  description = "Cloud Storage buckets gs:// sources may be read from (IMPORT_ALLOWED_BUCKETS): the worker may read their objects and nothing else."
  type        = list(string)
  default     = []
}

variable "keda_operator" {
  description = "Kubernetes service account of the KEDA operator, given read access to Cloud Monitoring for the gcp-pubsub scaler; null leaves KEDA's identity alone."
  type = object({
    namespace          = string
    service_account    = string
    service_account_id = string
  })
  default = {
    namespace          = "keda"
    service_account    = "keda-operator"
    service_account_id = "keda-operator"
  }
}

variable "labels" {
  description = "Labels put on every topic and subscription."
  type        = map(string)
  default     = {}
}
