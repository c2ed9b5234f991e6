#!/usr/bin/env bash
# Exits 0 when the Spring Boot Actuator health endpoint at $1 reports UP. Actuator answers 200 for UP
# and 503 for DOWN, so the status code decides; a "status":"UP" inside the body may belong to one
# component of an overall DOWN.
exec curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
