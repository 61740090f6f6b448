-- sms:safe schema, version 4: the phone's lock row is written, not only read, by every transaction that counts on
-- it. On a MariaDB Galera cluster SELECT ... FOR UPDATE locks only on its own node, and certification at commit
-- only sees conflicts between transactions that write the same rows: writing the lock row makes two nodes'
-- messages of one phone conflict, so that one of them is retried and both are counted one after the other.
ALTER TABLE smssafe_phone ADD COLUMN writes BIGINT DEFAULT 0 NOT NULL;
