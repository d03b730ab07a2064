variable "project_id" {
  description = "Project to deploy import-worker's topology and identity into."
  type        = string
}

variable "region" {
  description = "Default region of the provider."
  type        = string
  default     = "europe-west1"
}

variable "kubernetes_namespace" {
  description = "Namespace the kustomize overlay deploys the worker into."
  type        = string
  default     = "import-worker"
}

variable "import_buckets" {
  description = "Buckets gs:// sources may be read from."
  type        = list(string)
  default     = []
}
