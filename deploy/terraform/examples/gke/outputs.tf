output "worker_service_account_email" {
  description = "Put it in the iam.gke.io/gcp-service-account annotation of the overlay's ServiceAccount patch."
  value       = module.import_worker.worker_service_account_email
}

output "keda_operator_service_account_email" {
  description = "Put it in the iam.gke.io/gcp-service-account annotation of the keda-operator ServiceAccount."
  value       = module.import_worker.keda_operator_service_account_email
}

output "worker_subscription" {
  description = "The subscription KEDA scales on."
  value       = module.import_worker.worker_subscription
}
