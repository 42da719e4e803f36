-- Scheduled jobs run on one node at a time: a node holds a job's row until lock_until (ShedLock's table).
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
