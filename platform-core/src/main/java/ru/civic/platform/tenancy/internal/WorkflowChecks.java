package ru.civic.platform.tenancy.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Action;
import ru.civic.platform.tenancy.TenantConfiguration.ActionField;
import ru.civic.platform.tenancy.TenantConfiguration.ActionType;
import ru.civic.platform.tenancy.TenantConfiguration.Route;
import ru.civic.platform.tenancy.TenantConfiguration.RouteCondition;
import ru.civic.platform.tenancy.TenantConfiguration.Stage;
import ru.civic.platform.tenancy.TenantConfiguration.Workflow;

/**
 * The checks a workflow must pass before a tenant may use it. A broken workflow would strand messages (a stage
 * nobody can leave, a stage nobody can reach, a role nobody holds), so it is refused when loaded, with the JSON path
 * of every problem, rather than discovered by a citizen whose message never moves.
 */
final class WorkflowChecks {

    private final String source;
    private final TenantConfiguration tenant;
    private final Set<String> slaRuleIds;
    private final List<ConfigurationProblem> problems;

    WorkflowChecks(String source, TenantConfiguration tenant, Set<String> slaRuleIds,
            List<ConfigurationProblem> problems) {
        this.source = source;
        this.tenant = tenant;
        this.slaRuleIds = slaRuleIds;
        this.problems = problems;
    }

    void check() {
        Workflow workflow = tenant.workflow();
        Map<String, Integer> stageIndex = new HashMap<>();
        for (int i = 0; i < workflow.stages().size(); i++) {
            if (stageIndex.putIfAbsent(workflow.stages().get(i).id(), i) != null) {
                problem("$.workflow.stages[" + i + "].id", "duplicate", "duplicate stage '" + workflow.stages().get(i).id() + "'",
                        workflow.stages().get(i).id());
            }
        }
        if (!stageIndex.containsKey(workflow.start())) {
            problem("$.workflow.start", "unknownStage", "names unknown stage '" + workflow.start() + "'", workflow.start());
        }
        if (workflow.deadline() != null && !slaRuleIds.contains(workflow.deadline())) {
            problem("$.workflow.deadline", "unknownSla", "names unknown SLA rule '" + workflow.deadline() + "'",
                    workflow.deadline());
        }
        Set<String> tenantRoles = new HashSet<>();
        tenant.roles().forEach(r -> tenantRoles.add(r.name()));
        for (int s = 0; s < workflow.stages().size(); s++) {
            Stage stage = workflow.stages().get(s);
            String path = "$.workflow.stages[" + s + "]";
            for (int r = 0; r < stage.roles().size(); r++) {
                String role = stage.roles().get(r);
                if (!Stage.AUTHOR.equals(role) && !tenantRoles.contains(role)) {
                    problem(path + ".roles[" + r + "]", "roleNotUsed", "role '" + role + "' is not among the tenant's roles "
                            + tenantRoles.stream().sorted().toList(), role,
                            String.join(", ", tenantRoles.stream().sorted().toList()));
                }
            }
            if (stage.deadline() != null && !slaRuleIds.contains(stage.deadline())) {
                problem(path + ".deadline", "unknownSla", "names unknown SLA rule '" + stage.deadline() + "'", stage.deadline());
            }
            if (!stage.actions().isEmpty() && stage.roles().isEmpty()) {
                problem(path + ".roles", "stageWithoutRoles", "stage '" + stage.id() + "' has actions but no role may take them",
                        stage.id());
            }
            if (stage.actions().isEmpty() && !stage.isFinal()) {
                problem(path + ".actions", "stageDeadEnd", "stage '" + stage.id()
                        + "' is not final and has no action: its messages could never leave it", stage.id());
            }
            Set<String> actionIds = new HashSet<>();
            for (int a = 0; a < stage.actions().size(); a++) {
                checkAction(path + ".actions[" + a + "]", stage.actions().get(a), stageIndex, actionIds);
            }
        }
        if (!problems.isEmpty() || !stageIndex.containsKey(workflow.start())) {
            return;
        }
        Set<String> reachable = reachableFrom(workflow, Set.of(workflow.start()), true);
        for (int s = 0; s < workflow.stages().size(); s++) {
            Stage stage = workflow.stages().get(s);
            if (!reachable.contains(stage.id())) {
                problem("$.workflow.stages[" + s + "]", "stageUnreachable", "stage '" + stage.id()
                        + "' cannot be reached from the start stage '" + workflow.start() + "'", stage.id(),
                        workflow.start());
            }
        }
        for (int s = 0; s < workflow.stages().size(); s++) {
            Stage stage = workflow.stages().get(s);
            if (reachableFrom(workflow, Set.of(stage.id()), true).stream()
                    .noneMatch(id -> workflow.requiredStage(id).isFinal())) {
                problem("$.workflow.stages[" + s + "]", "stageNoWayOut", "no final stage can be reached from stage '"
                        + stage.id() + "': its messages have no way out", stage.id());
            }
        }
    }

    private void checkAction(String path, Action action, Map<String, Integer> stageIndex, Set<String> actionIds) {
        if (!actionIds.add(action.id())) {
            problem(path + ".id", "duplicate", "duplicate action '" + action.id() + "' in one stage", action.id());
        }
        if (!stageIndex.containsKey(action.to())) {
            problem(path + ".to", "unknownStage", "names unknown stage '" + action.to() + "'", action.to());
        }
        for (int r = 0; r < action.routes().size(); r++) {
            Route route = action.routes().get(r);
            if (!stageIndex.containsKey(route.to())) {
                problem(path + ".routes[" + r + "].to", "unknownStage", "names unknown stage '" + route.to() + "'", route.to());
            }
            if (route.when() == RouteCondition.NEGATIVE_RATING && action.type() != ActionType.RATE) {
                problem(path + ".routes[" + r + "].when", "routeNegativeRating", "NEGATIVE_RATING applies to RATE actions only");
            }
            if (route.when() == RouteCondition.AGREEING_SET && !action.accepts(ActionField.AGREEING)) {
                problem(path + ".routes[" + r + "].when", "routeAgreeing", "AGREEING_SET needs the action to take AGREEING");
            }
            if (route.when() == RouteCondition.RESULT_POSTPONED && !action.accepts(ActionField.RESULT)) {
                problem(path + ".routes[" + r + "].when", "routePostponed", "RESULT_POSTPONED needs the action to take RESULT");
            }
        }
        Set<ActionField> both = new LinkedHashSet<>(action.requires());
        both.retainAll(action.optional());
        if (!both.isEmpty()) {
            problem(path + ".optional", "requiredAndOptional", "fields " + both + " are both required and optional",
                    String.valueOf(both));
        }
        for (String rule : new String[] { action.startDeadline() }) {
            if (rule != null && !slaRuleIds.contains(rule)) {
                problem(path + ".startDeadline", "unknownSla", "names unknown SLA rule '" + rule + "'", rule);
            }
        }
        switch (action.type()) {
            case REFUSE, BLOCK_AUTHOR -> {
                requireField(path, action, ActionField.REASON);
                if (tenant.refusalReasons().isEmpty()) {
                    problem(path + ".type", "needsRefusalReasons", action.type() + " needs the tenant's refusalReasons, which are empty",
                            action.type());
                }
            }
            case RATE -> {
                requireField(path, action, ActionField.RATING);
                if (tenant.answerRatings().isEmpty()) {
                    problem(path + ".type", "needsAnswerRatings", "RATE needs the tenant's answerRatings, which are empty");
                }
            }
            case ROUTE, REDIRECT -> requireField(path, action, ActionField.ORGANISATION);
            case ASSIGN_EXECUTOR -> requireField(path, action, ActionField.EXECUTOR);
            case ANSWER -> requireField(path, action, ActionField.ANSWER);
            case POSTPONE -> requireField(path, action, ActionField.POSTPONE_UNTIL);
            case SET_CATEGORY -> requireField(path, action, ActionField.CATEGORY);
            case RESUBMIT -> requireField(path, action, ActionField.TEXT);
            case MERGE_DUPLICATE -> requireField(path, action, ActionField.DUPLICATE_OF);
            default -> {
            }
        }
    }

    private void requireField(String path, Action action, ActionField field) {
        if (!action.requires().contains(field)) {
            problem(path + ".requires", "mustRequire", action.type() + " must require " + field, action.type(), field);
        }
    }

    private static Set<String> reachableFrom(Workflow workflow, Set<String> from, boolean includeSelf) {
        Set<String> seen = new LinkedHashSet<>(includeSelf ? from : Set.of());
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            Stage stage = workflow.stage(todo.pop()).orElse(null);
            if (stage == null) {
                continue;
            }
            for (Action action : stage.actions()) {
                for (String target : action.targets()) {
                    if (seen.add(target)) {
                        todo.push(target);
                    }
                }
            }
        }
        return seen;
    }

    private void problem(String path, String code, String message, Object... args) {
        problems.add(ConfigurationProblem.of(source, path, code, message, args));
    }
}
