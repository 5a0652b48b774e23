package ru.civic.admin.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ru.civic.platform.tenancy.ConfigurationProblem;

/**
 * Binds form fields to places in a copy of the tenant's JSON document: each field reads its value from the tree and
 * writes every change straight back, so the parts of the document no form shows are kept as they are, and a refused
 * save loses nothing typed. Places are JSON pointers ({@code /photos/maxCount}); the core names problems by JSON path
 * ({@code $.photos.maxCount}), and {@link #show} puts each one at the field bound there.
 */
final class RulesForm {

    /** The schema names a missing property at its parent: "required property 'name' not found". */
    private static final Pattern MISSING = Pattern.compile("required property '([^']+)'");
    /** A wrong element of a list chosen in one field ({@code $.shop.summerMonths[0]}) is shown at that field. */
    private static final Pattern ELEMENT = Pattern.compile("\\[\\d+]$");

    private ObjectNode root;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Map<String, String> sectionOf = new LinkedHashMap<>();
    private String section = "";

    void reset(ObjectNode root) {
        this.root = root;
        fields.clear();
        sectionOf.clear();
    }

    ObjectNode root() {
        return root;
    }

    /** Fields bound from now on belong to this section (a tab), for the summary of where the errors are. */
    void section(String name) {
        this.section = name;
        sectionOf.keySet().removeIf(path -> name.equals(sectionOf.get(path)));
        fields.keySet().removeIf(path -> !sectionOf.containsKey(path));
    }

    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    TextField text(String pointer, String label, boolean required) {
        TextField field = new TextField(label);
        field.setWidthFull();
        JsonNode value = at(pointer);
        field.setValue(value.isValueNode() && !value.isNull() ? value.asText() : "");
        field.addValueChangeListener(e -> writeText(pointer, e.getValue(), required));
        return register(pointer, field);
    }

    TextArea area(String pointer, String label, boolean required) {
        TextArea field = new TextArea(label);
        field.setWidthFull();
        JsonNode value = at(pointer);
        field.setValue(value.isValueNode() && !value.isNull() ? value.asText() : "");
        field.addValueChangeListener(e -> writeText(pointer, e.getValue(), required));
        return register(pointer, field);
    }

    /** No client-side minimum on purpose: the document's own rules judge the number, and say so at the field. */
    IntegerField integer(String pointer, String label) {
        IntegerField field = new IntegerField(label);
        JsonNode value = at(pointer);
        if (value.isNumber()) {
            field.setValue(value.asInt());
        }
        field.addValueChangeListener(e -> write(pointer,
                e.getValue() == null ? null : JsonNodeFactory.instance.numberNode(e.getValue())));
        return register(pointer, field);
    }

    Checkbox check(String pointer, String label) {
        Checkbox box = new Checkbox(label, at(pointer).asBoolean(false));
        box.setId(id(pointer));
        box.addValueChangeListener(e -> write(pointer, JsonNodeFactory.instance.booleanNode(e.getValue())));
        return box;
    }

    ComboBox<String> choice(String pointer, String label, List<String> items, Function<String, String> caption) {
        ComboBox<String> box = new ComboBox<>(label);
        List<String> all = new ArrayList<>(items);
        String current = at(pointer).isTextual() ? at(pointer).asText() : null;
        if (current != null && !all.contains(current)) {
            all.add(current); // an unknown value stays visible, and the core says what is wrong with it
        }
        box.setItems(all);
        box.setItemLabelGenerator(caption::apply);
        box.setClearButtonVisible(true);
        box.setValue(current);
        box.addValueChangeListener(e -> write(pointer,
                e.getValue() == null ? null : JsonNodeFactory.instance.textNode(e.getValue())));
        return register(pointer, box);
    }

    MultiSelectComboBox<String> multi(String pointer, String label, List<String> items,
            Function<String, String> caption) {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
        Set<String> current = new LinkedHashSet<>();
        at(pointer).forEach(n -> current.add(n.asText()));
        List<String> all = new ArrayList<>(items);
        current.stream().filter(v -> !all.contains(v)).forEach(all::add);
        box.setItems(all);
        box.setItemLabelGenerator(caption::apply);
        box.setWidthFull();
        box.setValue(current);
        box.addValueChangeListener(e -> {
            // In the order of the list offered, not of the clicks: the diff between versions stays readable.
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            all.stream().filter(e.getValue()::contains).forEach(array::add);
            write(pointer, array.isEmpty() && !at(pointer).isArray() ? null : array);
        });
        return register(pointer, box);
    }

    /**
     * Months of the year as numbers (1–12), captioned by name, kept in calendar order. Choosing none removes the list,
     * so the document's default applies again (the caller names it in the helper text).
     */
    MultiSelectComboBox<Integer> months(String pointer, String label, Function<Integer, String> caption) {
        MultiSelectComboBox<Integer> box = new MultiSelectComboBox<>(label);
        Set<Integer> current = new LinkedHashSet<>();
        at(pointer).forEach(n -> current.add(n.asInt()));
        List<Integer> all = new ArrayList<>(IntStream.rangeClosed(1, 12).boxed().toList());
        current.stream().filter(m -> !all.contains(m)).forEach(all::add); // shown, and refused by the core
        box.setItems(all);
        box.setItemLabelGenerator(caption::apply);
        box.setWidthFull();
        box.setValue(current);
        box.addValueChangeListener(e -> {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            all.stream().filter(e.getValue()::contains).forEach(array::add);
            write(pointer, array.isEmpty() ? null : array);
        });
        return register(pointer, box);
    }

    /**
     * The only field of an optional part of the document ({@code ratings.minSample}): filling it writes the part,
     * emptying it removes the part again, so a tenant that never had the part keeps none and its default applies.
     */
    IntegerField soleInteger(String pointer, String label) {
        IntegerField field = integer(pointer, label);
        String part = pointer.substring(0, pointer.lastIndexOf('/'));
        field.addValueChangeListener(e -> {
            if (e.getValue() == null && at(part) instanceof ObjectNode object && object.isEmpty()) {
                write(part, null);
            }
        });
        return field;
    }

    private void writeText(String pointer, String value, boolean required) {
        boolean blank = value == null || value.isBlank();
        // A blank optional value means "not set"; a blank required one stays, to be refused at this very field.
        write(pointer, blank && !required ? null : JsonNodeFactory.instance.textNode(blank ? "" : value.strip()));
    }

    /** Writes (or removes, for null) the value at the pointer, creating the objects on the way. */
    void write(String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        String key = pointer.substring(cut + 1);
        JsonNode parent = container(pointer.substring(0, cut));
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        } else if (parent instanceof ArrayNode array && value != null) {
            array.set(Integer.parseInt(key), value);
        }
    }

    /** The object or array at the pointer; missing objects are created (array elements always exist here). */
    JsonNode container(String pointer) {
        JsonNode node = root;
        if (pointer.isEmpty()) {
            return node;
        }
        for (String segment : pointer.substring(1).split("/")) {
            JsonNode child = node.isArray() ? node.get(Integer.parseInt(segment)) : node.get(segment);
            if (child == null || !child.isContainerNode()) {
                child = ((ObjectNode) node).putObject(segment);
            }
            node = child;
        }
        return node;
    }

    private <F extends Component & HasValidation> F register(String pointer, F field) {
        field.setId(id(pointer));
        String path = path(pointer);
        fields.put(path, field);
        sectionOf.put(path, section);
        return field;
    }

    /** {@code /organisations/1/name} → {@code $.organisations[1].name}, as the core names places. */
    static String path(String pointer) {
        StringBuilder path = new StringBuilder("$");
        for (String segment : pointer.substring(1).split("/")) {
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append('.').append(segment);
            }
        }
        return path.toString();
    }

    /** A stable element id for a place: {@code rules-organisations-1-name}. */
    static String id(String pointer) {
        return "rules" + pointer.replace('/', '-');
    }

    void clearErrors() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Marks each problem at its field; returns the problems that have no field, and the sections that have errors. */
    Shown show(List<ConfigurationProblem> problems) {
        clearErrors();
        List<ConfigurationProblem> unplaced = new ArrayList<>();
        Set<String> sections = new LinkedHashSet<>();
        Map<HasValidation, List<String>> messages = new LinkedHashMap<>();
        for (ConfigurationProblem problem : problems) {
            String path = problem.path();
            HasValidation field = fields.get(path);
            Matcher missing = MISSING.matcher(problem.message());
            if (field == null && missing.find()) {
                path = path + "." + missing.group(1);
                field = fields.get(path);
            }
            if (field == null && ELEMENT.matcher(path).find()) {
                path = ELEMENT.matcher(path).replaceFirst("");
                field = fields.get(path);
            }
            if (field == null) {
                unplaced.add(problem);
            } else {
                messages.computeIfAbsent(field, f -> new ArrayList<>()).add(ru.civic.admin.shell.ProblemTexts.of(problem));
                sections.add(sectionOf.get(path));
            }
        }
        messages.forEach((field, texts) -> {
            field.setErrorMessage(String.join("; ", texts));
            field.setInvalid(true);
        });
        return new Shown(unplaced, List.copyOf(sections));
    }

    record Shown(List<ConfigurationProblem> unplaced, List<String> sections) {
    }
}
