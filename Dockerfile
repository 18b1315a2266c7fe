# thidua: build a release binary, then run it on a small image.
# docker compose (see docker-compose.yml) passes DATABASE_URL, so no PostgreSQL runs inside this image.

# ---- build ----
FROM swift:6.3-noble AS build
# ZIPFoundation (the XLSX export) links zlib; the image usually has its headers, this makes sure.
RUN export DEBIAN_FRONTEND=noninteractive && apt-get -q update && apt-get -q install -y --no-install-recommends zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# The whole tree is needed even to resolve: the manifest names targets, a plugin and sql/ (embedded at build time).
COPY . .
RUN swift package resolve
RUN swift build -c release --product thidua --static-swift-stdlib
RUN mkdir /staging && cp "$(swift build -c release --show-bin-path)/thidua" /staging/

# ---- run ----
FROM ubuntu:noble
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends ca-certificates tzdata curl zlib1g \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --user-group --create-home --system --home-dir /app thidua
WORKDIR /app
COPY --from=build --chown=thidua:thidua /staging/thidua /usr/local/bin/thidua
USER thidua:thidua
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/thidua"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
