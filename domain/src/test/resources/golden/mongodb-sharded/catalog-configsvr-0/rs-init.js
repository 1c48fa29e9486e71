// Initiates replica set catalog-config once: run with mongosh on 10.20.0.11:27019.
rs.initiate({
  _id: "catalog-config",
  configsvr: true,
  members: [
    { _id: 0, host: "10.20.0.11:27019" },
    { _id: 1, host: "10.20.0.12:27019" },
    { _id: 2, host: "10.20.0.13:27019" }
  ]
});
