// Initiates replica set catalog-shard-0 once: run with mongosh on 10.20.0.21:27018.
rs.initiate({
  _id: "catalog-shard-0",
  members: [
    { _id: 0, host: "10.20.0.21:27018" },
    { _id: 1, host: "10.20.0.22:27018" },
    { _id: 2, host: "10.20.0.23:27018" }
  ]
});
