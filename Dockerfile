# The claimcheck image for scale-out (docs/scale-out.md): audit-core with its dependencies, the JBang entry points of
# audit-scripts/ run by the JDK's source launcher (no JBang download at run time), and bubblewrap for the code sandbox.
# Build: docker build -t claimcheck:0.1.0 .      Run: docker run --rm claimcheck:0.1.0 audit --help

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# Only audit-core: the image runs audits, grading, signing and verify, not the site.
RUN ./mvnw -q -B -DskipTests -pl audit-core -am install \
 && ./mvnw -q -B -pl audit-core org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp audit-core/target/audit-core-*.jar /out/lib/

# A JDK, not a JRE: the entry points are single-file sources (audit-scripts/*.java) that the java launcher compiles.
FROM eclipse-temurin:17-jdk
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap python3 openssh-client \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/lib /opt/claimcheck/lib
COPY audit-scripts /opt/claimcheck/audit-scripts
COPY deploy/claimcheck /usr/local/bin/claimcheck
RUN chmod 0755 /usr/local/bin/claimcheck && rm /opt/claimcheck/audit-scripts/site.java
# Relative recipe paths (audit-scripts/recipes/...) resolve here.
WORKDIR /opt/claimcheck
ENTRYPOINT ["claimcheck"]
