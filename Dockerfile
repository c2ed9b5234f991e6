# syntax=docker/dockerfile:1
# The image of one service, chosen by build arguments: SERVICE, the module (generator-service or
# dashboard-service), and PORT, the port it listens on. Build context: the repository root, because the
# build needs the parent pom, the Maven Wrapper and, for the generator, risingwave/setup_risingwave.sql:
#   docker build --build-arg SERVICE=dashboard-service --build-arg PORT=8501 .   (docker-compose.yml does this)
# No HEALTHCHECK here: docker-compose.yml defines each service's, the one place (docs/decisions.md D11).
ARG SERVICE=generator-service

FROM eclipse-temurin:25-jdk AS build-base
# The Maven Wrapper downloads Maven with curl or wget.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
# The reactor reads the pom of every module the parent lists; only the chosen service's sources follow.
COPY generator-service/pom.xml generator-service/pom.xml
COPY local-stack/pom.xml local-stack/pom.xml
COPY dashboard-service/pom.xml dashboard-service/pom.xml
COPY stack-tests/pom.xml stack-tests/pom.xml
COPY e2e-tests/pom.xml e2e-tests/pom.xml

# What each service's build needs, one stage each; BuildKit builds only the stage SERVICE names, so a
# change in one service's sources does not rebuild the other's image.
FROM build-base AS sources-generator-service
COPY risingwave risingwave
COPY generator-service generator-service

FROM build-base AS sources-dashboard-service
COPY dashboard-service dashboard-service

FROM sources-${SERVICE} AS build
ARG SERVICE
# Neither service depends on another module, so the reactor builds the parent and SERVICE only.
# -Dproduction: the dashboard's production profile (Vaadin's bundle, no development tools); the generator has none.
# The cache mount keeps Maven and the dependencies between builds, so a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -ntp -pl ${SERVICE} -am -Dproduction package -Dmaven.test.skip=true \
 && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /workspace/app.jar

FROM eclipse-temurin:25-jre
ARG PORT=8000
# curl runs docker-compose.yml's healthcheck on Actuator.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --no-create-home casino
WORKDIR /app
COPY --from=build /workspace/app.jar app.jar
USER casino
EXPOSE ${PORT}
# Heap from the container's memory limit (docker-compose.yml), leaving room for metaspace (Vaadin loads
# many classes), threads, the Kafka client's buffers and the connection pool. Override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
