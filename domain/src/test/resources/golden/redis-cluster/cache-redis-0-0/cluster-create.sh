#!/bin/sh
# Creates Redis Cluster cache once: the first unit of each of its 3 shards becomes a primary
# and takes a share of the 16384 slots, then every other unit joins as a replica of its own
# shard's primary, named by node id.
set -eu
redis-cli --cluster create 10.20.0.11:6379 10.20.0.13:6379 10.20.0.15:6379 --cluster-replicas 0 --cluster-yes
redis-cli --cluster add-node 10.20.0.12:6379 10.20.0.11:6379 --cluster-slave --cluster-master-id "$(redis-cli -h 10.20.0.11 -p 6379 cluster myid)"
redis-cli --cluster add-node 10.20.0.14:6379 10.20.0.13:6379 --cluster-slave --cluster-master-id "$(redis-cli -h 10.20.0.13 -p 6379 cluster myid)"
redis-cli --cluster add-node 10.20.0.16:6379 10.20.0.15:6379 --cluster-slave --cluster-master-id "$(redis-cli -h 10.20.0.15 -p 6379 cluster myid)"
