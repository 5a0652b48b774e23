package ru.civic.platform.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageNotFoundException;

/**
 * One action on many messages at once (bulk moderation): each message is its own transaction through
 * {@link WorkflowService#act}, with every check it makes, so one message that may not take the action (moved on
 * meanwhile, another's now) does not undo the others; the result says which went through and why the rest did not.
 */
@Service
public class BulkActions {

    /** Enough for a moderator's screenful and a bit; larger batches are split by the caller. */
    public static final int MAX_MESSAGES = 200;

    private final WorkflowService workflow;

    public BulkActions(WorkflowService workflow) {
        this.workflow = workflow;
    }

    /** The outcome for one message: the transition, or the problems / the refusal that stopped it. */
    public record Result(String number, TransitionOutcome outcome, List<FieldProblem> problems, String refusal) {
        public boolean done() {
            return outcome != null;
        }
    }

    /** The actions this actor may take on every one of these messages now (what a bulk toolbar offers). */
    public List<AvailableAction> commonActions(List<String> numbers, Actor actor) {
        if (numbers.isEmpty() || numbers.size() > MAX_MESSAGES) {
            return List.of();
        }
        Map<String, AvailableAction> common = null;
        for (String number : numbers) {
            Map<String, AvailableAction> here = new LinkedHashMap<>();
            try {
                workflow.availableActions(number, actor).forEach(a -> here.put(a.id(), a));
            } catch (MessageNotFoundException e) {
                return List.of();
            }
            if (common == null) {
                common = here;
            } else {
                common.keySet().retainAll(here.keySet());
            }
            if (common.isEmpty()) {
                return List.of();
            }
        }
        return List.copyOf(common.values());
    }

    public List<Result> actOnEach(List<String> numbers, String actionId, ActionInput input, Actor actor) {
        if (numbers.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("at most " + MAX_MESSAGES + " messages at once");
        }
        List<Result> results = new ArrayList<>(numbers.size());
        for (String number : numbers.stream().distinct().toList()) {
            try {
                results.add(new Result(number, workflow.act(number, actionId, input, actor), List.of(), null));
            } catch (InvalidInputException e) {
                results.add(new Result(number, null, e.problems(), null));
            } catch (ActionDeniedException | MessageNotFoundException e) {
                results.add(new Result(number, null, List.of(), e.getMessage()));
            }
        }
        return results;
    }
}
