// Initiates replica set profiles once: run with mongosh on 10.20.0.11:27017.
rs.initiate({
  _id: "profiles",
  members: [
    { _id: 0, host: "10.20.0.11:27017" },
    { _id: 1, host: "10.20.0.12:27017" },
    { _id: 2, host: "10.20.0.13:27017" }
  ]
});
