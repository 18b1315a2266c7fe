-- why: numbers that feed the reward money have upper bounds the application also checks, so no stored row can make the
-- arithmetic overflow (security review F3). NOT VALID: a row stored before this migration is left for a person to
-- judge rather than blocking the upgrade; the server refuses to compute with it instead of crashing.
ALTER TABLE base_salaries
    ADD CONSTRAINT base_salaries_amount_limit CHECK (amount <= 1000000000) NOT VALID;

ALTER TABLE commendations
    ADD CONSTRAINT commendations_reward_amount_limit CHECK (reward_amount IS NULL OR reward_amount <= 100000000000) NOT VALID;
