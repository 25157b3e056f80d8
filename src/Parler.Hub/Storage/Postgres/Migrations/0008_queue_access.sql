-- Who may serve a queue: its owner (the first agent that served it) and the agents it allowed ('*': anyone).
CREATE TABLE queue_access (queue text NOT NULL, agent text NOT NULL, role text NOT NULL, PRIMARY KEY (queue, agent));
