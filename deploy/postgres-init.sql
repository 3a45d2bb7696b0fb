-- Compose only: one database and one owner per service, so each service owns its schema (it creates it on start).
-- Passwords match compose.yaml's development values; production databases are provisioned by their operator.
CREATE ROLE registry LOGIN PASSWORD 'registry-dev';
CREATE ROLE approval LOGIN PASSWORD 'approval-dev';
CREATE ROLE escalation LOGIN PASSWORD 'escalation-dev';
CREATE DATABASE registry OWNER registry;
CREATE DATABASE approval OWNER approval;
CREATE DATABASE escalation OWNER escalation;
