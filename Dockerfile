# One image per service: docker build --build-arg SERVICE=order-service -t kirana/order-service:0.1.0 .
# Build the jars first (./mvnw -DskipTests package); the image only copies the runnable jar.
FROM eclipse-temurin:21-jre
ARG SERVICE
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin kirana
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/service.jar
USER 10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
