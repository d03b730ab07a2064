SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := check
.NOTPARALLEL:

UV ?= uv
VENV ?= .venv
BIN := $(VENV)/bin
SEMGREP_VERSION := 1.185.0

SOURCE_PACKAGES := worker domain application adapters shared
CODE_PATHS := $(SOURCE_PACKAGES) tests bench tools
GATE := scripts/gate.sh

DEPLOY_TOOLS ?= .deploy-tools
TOOLS := $(DEPLOY_TOOLS)/bin
KUBERNETES_VERSION := 1.33.0
KEDA_CRD_DIR ?= /work/shared/schemas/keda
PROMETHEUS_RULES := $(wildcard deploy/observability/prometheus/rules/*.yml)
PROMETHEUS_RULE_TESTS := $(wildcard deploy/observability/prometheus/tests/*.test.yml)

.PHONY: check lint test fmt format-check flake8 mypy bandit complexity semgrep semgrep-test \
	import-contracts audit sbom services demo schemas pacts deploy-check deploy-tools hadolint \
	compose-schema workflow-schema kubernetes-manifests terraform-fmt ansible-lint \
	observability-check promtool-check-rules promtool-test-rules

check: lint deploy-check observability-check audit sbom test

lint: format-check flake8 mypy bandit complexity semgrep import-contracts

format-check:
	@$(GATE) black $(BIN)/black --check $(CODE_PATHS)

flake8:
	@$(GATE) flake8 $(BIN)/flake8 $(CODE_PATHS)

mypy:
	@$(GATE) mypy $(BIN)/mypy --strict

bandit:
	@$(GATE) bandit $(BIN)/bandit -c pyproject.toml -r --quiet $(SOURCE_PACKAGES)

complexity:
	@$(GATE) xenon $(BIN)/xenon --max-absolute A --max-modules A --max-average A $(CODE_PATHS)

semgrep:
	@$(GATE) semgrep $(UV) tool run semgrep==$(SEMGREP_VERSION) --config semgrep/ --error \
		--metrics=off --disable-version-check --no-git-ignore --quiet $(CODE_PATHS)

semgrep-test:
	@$(GATE) semgrep-test $(UV) tool run semgrep==$(SEMGREP_VERSION) --test --metrics=off \
		--disable-version-check --quiet semgrep/

import-contracts:
	@$(GATE) import-linter $(BIN)/lint-imports --no-logo --no-cache

deploy-check: deploy-tools hadolint compose-schema workflow-schema kubernetes-manifests \
	terraform-fmt ansible-lint

deploy-tools:
	@$(GATE) deploy-tools env UV="$(UV)" DEPLOY_TOOLS="$(DEPLOY_TOOLS)" scripts/install-deploy-tools.sh

hadolint:
	@$(GATE) hadolint $(TOOLS)/hadolint --config deploy/docker/.hadolint.yaml deploy/docker/Dockerfile

compose-schema:
	@$(GATE) compose-schema $(TOOLS)/check-jsonschema --builtin-schema vendor.compose-spec \
		docker-compose.yml

workflow-schema:
	@$(GATE) workflow-schema $(TOOLS)/check-jsonschema --builtin-schema vendor.github-workflows \
		.github/workflows/ci.yml

kubernetes-manifests:
	@$(GATE) kubernetes-manifests $(TOOLS)/python scripts/validate_kubernetes.py \
		--kubernetes-version $(KUBERNETES_VERSION) --keda-crds "$(KEDA_CRD_DIR)" \
		deploy/k8s/overlays/dev deploy/k8s/overlays/prod

terraform-fmt:
	@$(GATE) terraform-fmt env TF_CLI_CONFIG_FILE=/dev/null $(TOOLS)/python scripts/terraform.py \
		fmt -check -recursive -diff deploy/terraform

ansible-lint:
	@cd deploy/ansible && PATH="$(abspath $(TOOLS)):$$PATH" ../../$(GATE) ansible-lint \
		ansible-lint --offline

observability-check: promtool-check-rules promtool-test-rules

promtool-check-rules:
	@$(GATE) promtool-check-rules promtool check rules $(PROMETHEUS_RULES)

promtool-test-rules:
	@$(GATE) promtool-test-rules promtool test rules $(PROMETHEUS_RULE_TESTS)

audit:
	@$(GATE) audit scripts/audit-dependencies.sh --tool semgrep==$(SEMGREP_VERSION)

sbom:
	@$(GATE) sbom scripts/build-sbom.sh

test:
	@echo "==> pytest: tests/ with branch coverage (fails under 100%)"
	@$(BIN)/python -m pytest --cov --cov-branch --cov-report=term-missing tests

fmt:
	$(BIN)/black $(CODE_PATHS)

schemas:
	$(BIN)/import-worker schema export docs/schemas

pacts:
	PACT_DO_NOT_TRACK=true $(BIN)/python -m tests.contract.write_pacts

services:
	scripts/ensure-services.sh

demo:
	scripts/demo.sh
