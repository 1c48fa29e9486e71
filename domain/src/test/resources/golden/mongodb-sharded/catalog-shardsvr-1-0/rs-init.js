// Initiates replica set catalog-shard-1 once: run with mongosh on 10.20.0.24:27018.
rs.initiate({
  _id: "catalog-shard-1",
  members: [
    { _id: 0, host: "10.20.0.24:27018" },
    { _id: 1, host: "10.20.0.25:27018" },
    { _id: 2, host: "10.20.0.26:27018" }
  ]
});
