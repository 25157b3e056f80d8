-- Quota windows: one row per subject (an agent, a room, a source address) and fixed window, shared by every hub on the
-- database, so a limit holds across hubs and restarts. Operational counters, not facts: nothing reads them back as history.
CREATE TABLE rate_windows (
    key text NOT NULL, window_start bigint NOT NULL, used bigint NOT NULL,
    PRIMARY KEY (key, window_start));
