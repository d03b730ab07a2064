module "import_worker" {
  source = "../../modules/import-worker"

  project_id           = var.project_id
  kubernetes_namespace = var.kubernetes_namespace
  import_buckets       = var.import_buckets
  labels = {
    app = "import-worker"
  }
}
