# Casino Loyalty Streaming — every target works in Docker mode (when `docker info` answers)
# and in local mode (no Docker) wherever its meaning allows. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DOCKER := $(shell docker info >/dev/null 2>&1 && echo yes)
COMPOSE := docker compose -f docker-compose.yml
# stop and clean reach both profiles: .env enables single-node only, and a cluster started by hand must stop too
COMPOSE_ALL := $(COMPOSE) --profile single-node --profile cluster
API := scripts/generator-api.sh

# make demo MEMBERS=20000: a generated roster of that many members (default: the original's 15)
ifdef MEMBERS
export CASINO_SIMULATION_MEMBERS := $(MEMBERS)
endif

.PHONY: help demo start local stop restart clean check status logs dashboard console \
        inject inject-rate inject-fast inject-slow inject-stop inject-status build test \
        bench bench-generator bench-local bench-dashboard bench-startup bench-latency bench-scale chaos password-hash

help: ## Show all commands
	@echo "Casino Loyalty Streaming — $(if $(DOCKER),Docker engine found: Docker mode,no Docker engine: local mode)"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

demo: ## Run the complete demo with data generation (Docker if available, else local stack); MEMBERS=20000 for a larger roster
	@scripts/run-demo.sh

start: ## Start the services only; the generator waits for `make inject`
	@scripts/run-demo.sh --no-data

local: ## Run the demo on the local stack even when Docker is available
	@scripts/local-mode.sh start

stop: ## Stop all services (whichever mode runs)
	@scripts/local-mode.sh stop
	@if [ -n "$(DOCKER)" ]; then $(COMPOSE_ALL) stop; fi

restart: ## Restart the services, keeping their data
	@$(MAKE) --no-print-directory stop
	@$(MAKE) --no-print-directory demo

clean: ## Stop everything and remove all data, logs and build output
	@$(MAKE) --no-print-directory stop
	@if [ -n "$(DOCKER)" ]; then $(COMPOSE_ALL) down -v --remove-orphans; fi
	rm -rf .local
	@scripts/mvn.sh -q clean

check: ## Health check: every service and data flowing
	@scripts/check-demo.sh

status: ## Show service status
	@if [ -n "$(DOCKER)" ]; then $(COMPOSE) ps; fi
	@scripts/local-mode.sh status

logs: ## Follow the logs of all services
	@if [ -n "$(DOCKER)" ] && [ -n "$$($(COMPOSE) ps -q)" ]; then $(COMPOSE) logs -f; \
	 else tail -n 50 -F .local/logs/local-stack.log .local/logs/generator.log .local/logs/dashboard.log; fi

dashboard: ## Open the dashboard at http://localhost:8501
	@. scripts/lib/bind.sh && scripts/open-url.sh "http://$$reach_host:8501"

console: ## Open Redpanda Console at http://localhost:8080 (Docker mode only)
	@if [ -n "$(DOCKER)" ]; then . scripts/lib/bind.sh && scripts/open-url.sh "http://$$reach_host:8080"; \
	 else echo "Redpanda Console exists only in the Docker stack; in local mode read the topic with"; \
	      echo "  curl localhost:8000/status  or  psql -h localhost -p 4566 -d dev -U root -c 'select * from gaming_transactions order by transaction_time desc limit 10'"; fi

inject: ## Start data injection (at the rate set last; 5 events/sec at start-up)
	@$(API) POST /start

inject-rate: ## Get the current event generation rate
	@$(API) GET /rate

inject-fast: ## Increase to 10 events/sec
	@$(API) GET /rate/10

inject-slow: ## Decrease to 2 events/sec
	@$(API) GET /rate/2

inject-stop: ## Stop data injection
	@$(API) POST /stop

inject-status: ## Show the generator's status
	@$(API) GET /status

build: ## Build the runnable jars (and, on JDK 25+, the JVM's AOT cache of each service)
	@scripts/local-mode.sh build

test: ## Run the whole test suite (unit, integration, end-to-end)
	@scripts/mvn.sh -B verify

bench: bench-generator bench-local bench-dashboard bench-startup ## Run every benchmark (figures in docs/benchmarks.md)

bench-generator: ## Benchmark the generator: top throughput vs Kafka's ProducerPerformance, rate accuracy (~5 min)
	@scripts/bench-generator.sh

bench-local: ## Benchmark local-stack: ingest rate, dashboard query latency at 1M events (~2 min)
	@scripts/bench-local.sh

bench-dashboard: ## Benchmark the dashboard: heap per open session (50) and SQL statements per refresh (local mode; starts the demo if needed)
	@scripts/bench-dashboard.sh

bench-scale: ## Benchmark a casino floor: 20,000 members, 10M events stored, 2,000 events/s for 5-9 min (local mode; ~13 min)
	@scripts/bench-scale.sh

bench-latency: ## Benchmark window end to summary, loyalty-offers and screen, 3 real windows (local mode; ~20 min)
	@scripts/bench-latency.sh

bench-startup: ## Benchmark `make demo`'s start-up (local mode): 3 starts from a stopped demo until all healthy, p50 (~2 min)
	@scripts/bench-startup.sh

chaos: ## Faults on the local demo: crashes, a frozen broker, an engine outage, fuzzed API calls, poison input (~8 min; starts the demo if needed)
	@scripts/chaos.sh

password-hash: ## Print the BCrypt hash of a new staff password (for CASINO_*_PASSWORD_HASH)
	@scripts/password-hash.sh
