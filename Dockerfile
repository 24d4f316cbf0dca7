# syntax=docker/dockerfile:1
# The nightly consumer-drift scan as an image: see README.md, "Docker image".
#   docker build -t consumer-drift:0.1.0 .
#   docker run --rm consumer-drift:0.1.0 scan --demo

# 1. The same jar as the README's build command, built with the JDK the project targets.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
COPY reports-templates ./reports-templates
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests

# 2. Spring Boot's layers: dependencies change seldom and stay cached; the application layer is small.
FROM eclipse-temurin:25-jre AS layers
WORKDIR /layers
COPY --from=build /build/target/consumer-drift.jar ./
RUN java -Djarmode=tools -jar consumer-drift.jar extract --layers --destination extracted

# 3. The runtime: a JRE, the extracted jar and its AOT cache; nothing in it needs a shell.
FROM eclipse-temurin:25-jre
# /app/data: the demo's history (./data under the working directory), for docker run ... scan --demo.
RUN groupadd --system --gid 10001 drift \
	&& useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin drift \
	&& mkdir -p /etc/consumer-drift /var/lib/consumer-drift /app/data \
	&& chown 10001:10001 /var/lib/consumer-drift /app/data
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# Where the manifests mount their volumes: the policy (read-only), the history database and the reports.
ENV SPRING_PROFILES_ACTIVE=container \
	DRIFT_POLICY_FILE=/etc/consumer-drift/drift-policy.yml \
	DRIFT_REPORT_DIR=/var/lib/consumer-drift/reports \
	SPRING_DATASOURCE_URL="jdbc:h2:file:/var/lib/consumer-drift/db/consumer-drift;DB_CLOSE_ON_EXIT=FALSE"
# A training run to the end of start-up records the classes and profiles the next starts reuse
# (JDK 25 AOT cache). It must use the run command's class path and GC; an in-memory database
# keeps the image free of data. A scan checks its settings before it starts: the training run's are
# sound (an empty org and policy in /tmp).
RUN printf 'consumers: []\n' > /tmp/training-policy.yml \
	&& java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput=consumer-drift.aot -Dspring.context.exit=onRefresh \
		-jar consumer-drift.jar scan --spring.datasource.url=jdbc:h2:mem:training \
		--drift.forge.type=local --drift.forge.root=/tmp --drift.policy-file=/tmp/training-policy.yml \
	&& rm -rf /tmp/*
USER 10001:10001
# The serial collector suits a short single-JVM batch job best; the heap follows the container's limit.
# C1 alone (TieredStopAtLevel=1): a run lasts seconds to minutes, too short to repay C2's compilations,
# which on a small CPU limit would take the cores the scan needs (the benchmark halves the job's CPU).
# The JVM's own warnings (unified logging, on standard output by default) go to standard error:
# standard output carries only the JSON logs.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
	"-Xlog:disable", "-Xlog:all=warning:stderr:uptime,level,tags", \
	"-XX:AOTCache=consumer-drift.aot", "-jar", "consumer-drift.jar"]
CMD ["scan"]
