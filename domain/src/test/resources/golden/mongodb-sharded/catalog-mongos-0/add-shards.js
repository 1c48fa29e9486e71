// Adds every shard of catalog once: run with mongosh on 10.20.0.41:27017 after each shard's rs-init.js.
sh.addShard("catalog-shard-0/10.20.0.21:27018,10.20.0.22:27018,10.20.0.23:27018");
sh.addShard("catalog-shard-1/10.20.0.24:27018,10.20.0.25:27018,10.20.0.26:27018");
