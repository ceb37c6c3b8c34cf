# One image per service: docker build --build-arg SERVICE=order-service -t kirana/order-service:0.1.0 .
# Build the jars first (./mvnw -DskipTests package); the image copies the service's runnable *-exec.jar
# (the only thing under target/ that .dockerignore lets into the build context) and runs it as Spring
# Boot's layers, so a rebuild after a code change re-ships only the small `application` layer.
#
# The Java here is the build's (maven.compiler.release in pom.xml, which ./kirana and CI run):
# DockerFilesTest (local-stack) fails the build when the two differ.
FROM eclipse-temurin:17-jre-noble AS layers
ARG SERVICE
ARG VERSION=0.1.0-SNAPSHOT
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar service.jar
# dependencies/, spring-boot-loader/, snapshot-dependencies/ and application/ under extracted/,
# each holding its part of the jar's tree (--launcher: run by JarLauncher, no jar left to open)
RUN java -Djarmode=tools -jar service.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre-noble
# The Ubuntu-based Temurin image already has curl (used by the HEALTHCHECK) and fontconfig; PDF exports
# draw their charts with Java 2D, which needs at least one font.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-dejavu-core; \
    rm -rf /var/lib/apt/lists/*; \
    useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin kirana
WORKDIR /app
# least to most often changed: a new build of our code leaves the first three layers cached
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001
# every service listens on SERVER_PORT (docker-compose.yml sets it; 8080 otherwise) and serves actuator (probes,
# Prometheus) on KIRANA_MANAGEMENT_PORT only, 9090 in every container; ready = the readiness group (its database
# for the six services, the process itself for the gateway)
ENV KIRANA_MANAGEMENT_PORT=9090
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${KIRANA_MANAGEMENT_PORT:-9090}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
