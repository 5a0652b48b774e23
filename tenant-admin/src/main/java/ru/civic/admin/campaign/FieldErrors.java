package ru.civic.admin.campaign;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;

import ru.civic.platform.message.FieldProblem;

/**
 * Puts the core's field problems next to the fields of a form (by the core's field name); those without a field go
 * into the form's own line. The values typed are never touched.
 */
final class FieldErrors {

    private FieldErrors() {
    }

    static void clear(Span formError, HasValidation... fields) {
        for (HasValidation f : fields) {
            f.setInvalid(false);
        }
        formError.setVisible(false);
    }

    static void show(Component view, List<FieldProblem> problems, Map<String, HasValidation> fields, Span formError) {
        StringBuilder elsewhere = new StringBuilder();
        for (FieldProblem p : problems) {
            String text = view.getTranslation(p.code(), p.args().toArray());
            HasValidation field = fields.get(p.field());
            if (field == null) {
                elsewhere.append(elsewhere.isEmpty() ? "" : " ").append(text);
            } else {
                field.setErrorMessage(text);
                field.setInvalid(true);
            }
        }
        if (!elsewhere.isEmpty()) {
            formError.setText(elsewhere.toString());
            formError.setVisible(true);
        }
    }

    static Span formErrorLine() {
        Span line = new Span();
        line.addClassName("civic-form-error");
        line.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        line.setVisible(false);
        line.getElement().setAttribute("role", "alert");
        return line;
    }
}
