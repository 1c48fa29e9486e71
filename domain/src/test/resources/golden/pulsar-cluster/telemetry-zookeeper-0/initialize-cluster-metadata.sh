#!/bin/sh
# Writes the metadata of Pulsar cluster telemetry once, before its bookies and brokers start.
set -eu
bin/pulsar initialize-cluster-metadata \
  --cluster telemetry \
  --metadata-store zk:10.20.0.11:2181,10.20.0.12:2181,10.20.0.13:2181 \
  --configuration-metadata-store zk:10.20.0.11:2181,10.20.0.12:2181,10.20.0.13:2181 \
  --web-service-url http://10.20.0.31:8080,10.20.0.32:8080 \
  --broker-service-url pulsar://10.20.0.31:6650,10.20.0.32:6650
