-- Replication source of billing-mysqld-1: the primary billing-mysqld-0.
-- The account (SOURCE_USER, SOURCE_PASSWORD) is set from its Secret by a separate statement first.
CHANGE REPLICATION SOURCE TO
  SOURCE_HOST = '10.20.0.11',
  SOURCE_PORT = 3306,
  SOURCE_AUTO_POSITION = 1,
  SOURCE_SSL = 1,
  SOURCE_CONNECT_RETRY = 10,
  SOURCE_RETRY_COUNT = 8640;
START REPLICA;
