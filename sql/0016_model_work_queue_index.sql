-- why: "Việc cần làm" lists models by state, the soonest to end first (WorkQueueRepository.models), and a teacher's own models.
CREATE INDEX model_initiatives_status_idx ON model_initiatives (status, ends_on, id);
CREATE INDEX model_initiatives_owner_person_idx ON model_initiatives (owner_person_id, ends_on);
