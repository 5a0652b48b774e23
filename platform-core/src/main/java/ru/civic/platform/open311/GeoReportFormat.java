package ru.civic.platform.open311;

import java.util.List;
import java.util.Map;

/**
 * GeoReport's two wire formats, written by hand: the XML shape (a root element, one child element per list item,
 * and nested lists such as a service definition's attributes) is the specification's own, not what a generic mapper
 * would produce.
 */
final class GeoReportFormat {

    private GeoReportFormat() {
    }

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append('"').append(escapeJson(String.valueOf(e.getKey()))).append("\":");
                    writeJson(e.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeJson(list.get(i), out);
                }
                out.append(']');
            }
            case Number n when !(n instanceof Double d && (d.isNaN() || d.isInfinite())) -> out.append(n);
            case Boolean b -> out.append(b);
            default -> out.append('"').append(escapeJson(String.valueOf(value))).append('"');
        }
    }

    static String xml(String root, Object body, String itemName) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        out.append('<').append(root).append('>');
        if (body instanceof List<?> list) {
            for (Object item : list) {
                writeXml(itemName, item, out);
            }
        } else if (body instanceof Map<?, ?> map) {
            writeXmlFields(map, itemName, out);
        }
        out.append("</").append(root).append('>');
        return out.toString();
    }

    private static void writeXml(String name, Object value, StringBuilder out) {
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            writeXmlFields(map, name, out);
        } else if (value != null) {
            out.append(escapeXml(String.valueOf(value)));
        }
        out.append("</").append(name).append('>');
    }

    private static void writeXmlFields(Map<?, ?> map, String itemName, StringBuilder out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (e.getValue() instanceof List<?> list) {
                out.append('<').append(key).append('>');
                String child = key.endsWith("s") ? key.substring(0, key.length() - 1) : itemName;
                for (Object item : list) {
                    writeXml(child, item, out);
                }
                out.append("</").append(key).append('>');
            } else {
                writeXml(key, e.getValue(), out);
            }
        }
    }

    private static String escapeJson(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
