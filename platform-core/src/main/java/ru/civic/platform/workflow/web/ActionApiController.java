package ru.civic.platform.workflow.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.AvailableAction;
import ru.civic.platform.workflow.TransitionOutcome;
import ru.civic.platform.workflow.WorkflowService;

/**
 * Workflow actions over HTTP, for staff tools and the author's own actions (rating, correction). Which action is
 * allowed is decided by {@link WorkflowService} on the server, whatever the client shows.
 */
@RestController
@RequestMapping("/api/v1/messages/{number}/actions")
class ActionApiController {

    private final WorkflowService workflow;
    private final Actors actors;

    ActionApiController(WorkflowService workflow, Actors actors) {
        this.workflow = workflow;
        this.actors = actors;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<AvailableAction> available(@PathVariable String number) {
        return workflow.availableActions(number, actor());
    }

    @PostMapping("/{actionId}")
    @PreAuthorize("isAuthenticated()")
    TransitionOutcome act(@PathVariable String number, @PathVariable String actionId,
            @RequestBody(required = false) ActionInput input) {
        return workflow.act(number, actionId, input == null ? ActionInput.none() : input, actor());
    }

    private Actor actor() {
        return actors.current().orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("no account in this tenant"));
    }
}
