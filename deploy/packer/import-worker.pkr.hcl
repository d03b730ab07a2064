packer {
  required_version = ">= 1.10.0"

  required_plugins {
    googlecompute = {
      source  = "github.com/hashicorp/googlecompute"
      version = ">= 1.1.0"
    }
    ansible = {
      source  = "github.com/hashicorp/ansible"
      version = ">= 1.1.0"
    }
  }
}

variable "project_id" {
  type        = string
  description = "Project the image is built in and stored in."
}

variable "zone" {
  type        = string
  default     = "europe-west1-b"
  description = "Zone of the temporary build instance."
}

variable "version" {
  type        = string
  default     = "0.1.0"
  description = "import-worker version baked into the image; names the image."
}

variable "wheel" {
  type        = string
  description = "Path of the import-worker wheel built by `uv build --wheel`."
}

variable "requirements" {
  type        = string
  description = "Path of the locked requirements exported by `uv export --frozen --no-dev --no-emit-project`."
}

variable "worker_project" {
  type        = string
  description = "GOOGLE_CLOUD_PROJECT of the worker that runs on the image."
}

locals {
  image_name = "import-worker-${replace(var.version, ".", "-")}-${formatdate("YYYYMMDDhhmmss", timestamp())}"
}

source "googlecompute" "import_worker" {
  project_id              = var.project_id
  zone                    = var.zone
  source_image_family     = "debian-12"
  source_image_project_id = ["debian-cloud"]
  machine_type            = "e2-small"
  disk_size               = 20
  ssh_username            = "packer"
  image_name              = local.image_name
  image_family            = "import-worker"
  image_description       = "import-worker ${var.version} as a systemd service"
  image_labels = {
    app     = "import-worker"
    version = replace(var.version, ".", "-")
  }
  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}

build {
  name    = "import-worker"
  sources = ["source.googlecompute.import_worker"]

  provisioner "ansible" {
    playbook_file = "${path.root}/../ansible/playbook.yml"
    groups        = ["import_workers"]
    user          = "packer"
    use_proxy     = false
    extra_arguments = [
      "--extra-vars", "import_worker_wheel=${var.wheel}",
      "--extra-vars", "import_worker_requirements=${var.requirements}",
      "--extra-vars", "import_worker_google_cloud_project=${var.worker_project}",
      "--extra-vars", "import_worker_start=false",
    ]
    ansible_env_vars = [
      "ANSIBLE_CONFIG=${path.root}/../ansible/ansible.cfg",
    ]
  }
}
