package ru.civic.platform.workflow;

/**
 * A message entered a stage (a new submission or a workflow step) on some member of the cluster: the staff whose
 * queues show that stage should look again. A signal only; queues re-read the database, which stays the truth.
 */
public record WorkArrived(String tenantId, String number, String stage) {
}
