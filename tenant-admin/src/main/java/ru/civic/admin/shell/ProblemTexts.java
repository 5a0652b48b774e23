package ru.civic.admin.shell;

import com.vaadin.flow.component.UI;

import ru.civic.platform.tenancy.ConfigurationProblem;

/**
 * A configuration problem in the words of the person reading it: its bundle text in the page's language when it
 * has a code, else the core's English message (which files and logs use).
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public static String of(ConfigurationProblem problem) {
        UI ui = UI.getCurrent();
        return problem.messageKey() == null || ui == null ? problem.message()
                : ui.getTranslation(problem.messageKey(), problem.args().toArray());
    }
}
