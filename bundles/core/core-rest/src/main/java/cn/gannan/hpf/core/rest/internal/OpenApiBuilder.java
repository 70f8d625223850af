package cn.gannan.hpf.core.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.ws.rs.BeanParam;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.gannan.hpf.core.rest.ApiDoc;

/**
 * Builds an OpenAPI 3.0.3 document by reflecting over JAX-RS resource classes: paths from
 * {@code @Path}, operations from the HTTP-method annotations, parameters from
 * {@code @PathParam}/{@code @QueryParam}/{@code @HeaderParam}, the request body from the one
 * unannotated parameter, schemas from records, enums and java.time types; texts from
 * {@link ApiDoc}. Sub-resource locators are not followed. Plain Java; one instance per document.
 */
public final class OpenApiBuilder {

    /** One resource: its class and its whiteboard name (the tag when the class has no {@link ApiDoc}). */
    public record Resource(Class<?> type, String name) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> METHOD_ORDER = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final String title;
    private final String version;
    private final String basePath;
    private final Set<String> publicPaths;
    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Map<Class<?>, String> schemaNames = new HashMap<>();
    private final Set<String> operationIds = new HashSet<>();

    /**
     * @param basePath    the application base, e.g. {@code /api}, the server URL
     * @param publicPaths paths (below the base, starting with /) that need no credentials
     */
    public OpenApiBuilder(String title, String version, String basePath, Set<String> publicPaths) {
        this.title = title;
        this.version = version;
        this.basePath = basePath;
        this.publicPaths = publicPaths;
    }

    public ObjectNode build(Collection<Resource> resources) {
        ObjectNode root = F.objectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", "JSON API of the office node. HTTP Basic with a platform account; "
                + "messages in the language of Accept-Language (zh-CN by default, en); errors as application/problem+json.");
        root.putArray("servers").addObject().put("url", basePath);
        root.putArray("security").addObject().putArray("basicAuth");

        List<Resource> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing((Resource r) -> classPath(r.type())).thenComparing(r -> r.type().getName()));

        Map<String, ObjectNode> tags = new TreeMap<>();
        Map<String, Map<String, ObjectNode>> paths = new TreeMap<>();
        for (Resource r : sorted) {
            Class<?> type = r.type();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            String tag = tagName(r);
            ApiDoc classDoc = type.getAnnotation(ApiDoc.class);
            ObjectNode tagNode = F.objectNode().put("name", tag);
            if (classDoc != null) {
                tagNode.put("description", classDoc.value());
            }
            tags.putIfAbsent(tag, tagNode);
            Method[] methods = type.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
            for (Method m : methods) {
                String http = httpMethod(m);
                if (http == null || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Path mp = m.getAnnotation(Path.class);
                String path = joinPath(classPath.value(), mp == null ? "" : mp.value());
                ObjectNode op = operation(type, m, tag, path);
                paths.computeIfAbsent(path, p -> new TreeMap<>(Comparator.comparingInt(METHOD_ORDER::indexOf)))
                        .putIfAbsent(http, op);
            }
        }
        ArrayNode tagArray = root.putArray("tags");
        tags.values().forEach(tagArray::add);
        ObjectNode pathsNode = root.putObject("paths");
        paths.forEach((p, ops) -> {
            ObjectNode pn = pathsNode.putObject(p);
            ops.forEach(pn::set);
        });
        ObjectNode components = root.putObject("components");
        components.putObject("securitySchemes").putObject("basicAuth").put("type", "http").put("scheme", "basic");
        ObjectNode schemaNode = components.putObject("schemas");
        schemaNode.set("Problem", problemSchema());
        schemas.forEach(schemaNode::set);
        return root;
    }

    private ObjectNode operation(Class<?> type, Method m, String tag, String path) {
        ObjectNode op = F.objectNode();
        op.putArray("tags").add(tag);
        ApiDoc doc = m.getAnnotation(ApiDoc.class);
        if (doc != null) {
            op.put("summary", doc.value());
            if (!doc.description().isEmpty()) {
                op.put("description", doc.description());
            }
        }
        op.put("operationId", operationId(type, m));
        ArrayNode params = F.arrayNode();
        Type body = null;
        for (Parameter p : m.getParameters()) {
            PathParam pp = p.getAnnotation(PathParam.class);
            QueryParam qp = p.getAnnotation(QueryParam.class);
            HeaderParam hp = p.getAnnotation(HeaderParam.class);
            if (pp != null) {
                params.add(parameter(pp.value(), "path", true, p));
            } else if (qp != null) {
                params.add(parameter(qp.value(), "query", p.getType().isPrimitive(), p));
            } else if (hp != null) {
                params.add(parameter(hp.value(), "header", false, p));
            } else if (!isAnnotatedOtherwise(p)) {
                body = p.getParameterizedType();
            }
        }
        // path templates the method does not bind still need declaring
        for (String name : templateNames(path)) {
            boolean declared = false;
            for (var n : params) {
                declared |= "path".equals(n.path("in").asText()) && name.equals(n.path("name").asText());
            }
            if (!declared) {
                params.add(F.objectNode().put("name", name).put("in", "path").put("required", true)
                        .set("schema", F.objectNode().put("type", "string")));
            }
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        if (body != null) {
            ObjectNode rb = op.putObject("requestBody");
            rb.put("required", true);
            rb.putObject("content").putObject(MediaType.APPLICATION_JSON).set("schema", schema(body, Map.of()));
        }
        ObjectNode responses = op.putObject("responses");
        Type ret = m.getGenericReturnType();
        Type documented = ret;
        if (m.getReturnType() == Response.class) {
            documented = null;
            if (doc != null && doc.response() != Void.class) {
                documented = doc.responseIsList() ? new ListOf(doc.response()) : doc.response();
            }
        }
        String okCode = m.getReturnType() == void.class ? "204" : m.getAnnotation(javax.ws.rs.POST.class) != null
                && m.getReturnType() == Response.class ? "201" : "200";
        ObjectNode ok = responses.putObject(okCode);
        ok.put("description", okCode.equals("204") ? "Done" : okCode.equals("201") ? "Created" : "OK");
        if (documented != null && m.getReturnType() != void.class) {
            ok.putObject("content").putObject(produces(type, m)).set("schema", schema(documented, Map.of()));
        }
        ObjectNode err = responses.putObject("default");
        err.put("description", "A problem (RFC 7807): 400 bad input, 401 no or wrong credentials, 403 not allowed, "
                + "404 not found, 409 changed meanwhile, 413 body over 1 MB, 422 invalid fields, 500 with a reference");
        err.putObject("content").putObject("application/problem+json").set("schema",
                F.objectNode().put("$ref", "#/components/schemas/Problem"));
        if (publicPaths.contains(path)) {
            op.putArray("security");
        }
        return op;
    }

    private ObjectNode parameter(String name, String in, boolean required, Parameter p) {
        ObjectNode n = F.objectNode();
        n.put("name", name);
        n.put("in", in);
        if (required) {
            n.put("required", true);
        }
        ObjectNode schema = schema(p.getParameterizedType(), Map.of());
        DefaultValue dv = p.getAnnotation(DefaultValue.class);
        if (dv != null) {
            schema = schema.deepCopy().put("default", dv.value());
        }
        n.set("schema", schema);
        return n;
    }

    private static boolean isAnnotatedOtherwise(Parameter p) {
        for (Class<? extends Annotation> a : List.of(Context.class, BeanParam.class, CookieParam.class, FormParam.class,
                MatrixParam.class, javax.ws.rs.container.Suspended.class)) {
            if (p.isAnnotationPresent(a)) {
                return true;
            }
        }
        return false;
    }

    private String operationId(Class<?> type, Method m) {
        String base = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1) + "_"
                + m.getName();
        String id = base;
        for (int i = 2; !operationIds.add(id); i++) {
            id = base + i;
        }
        return id;
    }

    private static String produces(Class<?> type, Method m) {
        Produces p = m.getAnnotation(Produces.class);
        if (p == null) {
            p = type.getAnnotation(Produces.class);
        }
        if (p != null && p.value().length > 0) {
            return p.value()[0].split(",")[0].strip();
        }
        return MediaType.APPLICATION_JSON;
    }

    static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    private static String classPath(Class<?> type) {
        Path p = type.getAnnotation(Path.class);
        return p == null ? "" : p.value();
    }

    private static String tagName(Resource r) {
        String path = classPath(r.type());
        String t = path.replaceAll("^/+", "").split("/")[0];
        return t.isEmpty() ? (r.name() != null ? r.name() : r.type().getSimpleName()) : t;
    }

    /** {@code /a/{id: [0-9]+}/b} from {@code a} and {@code /{id: [0-9]+}/b/}: one slash between, regexes removed. */
    static String joinPath(String classPath, String methodPath) {
        String joined = "/" + classPath + "/" + methodPath;
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : joined.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    sb.append(c);
                    inRegex = false;
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    sb.append(c);
                    inRegex = false;
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
                continue;
            }
            if (!inRegex && !(depth == 1 && Character.isWhitespace(c))) {
                sb.append(c);
            }
        }
        String p = sb.toString().replaceAll("/{2,}", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher mt = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(path);
        while (mt.find()) {
            names.add(mt.group(1));
        }
        return names;
    }

    // ------------------------------------------------------------------ schemas

    ObjectNode schema(Type t, Map<TypeVariable<?>, Type> bindings) {
        if (t instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            return bound == null ? F.objectNode().put("type", "object") : schema(bound, Map.of());
        }
        if (t instanceof WildcardType w) {
            return schema(w.getUpperBounds()[0], bindings);
        }
        if (t instanceof GenericArrayType g) {
            ObjectNode n = F.objectNode().put("type", "array");
            n.set("items", schema(g.getGenericComponentType(), bindings));
            return n;
        }
        if (t instanceof ListOf l) {
            ObjectNode n = F.objectNode().put("type", "array");
            n.set("items", schema(l.element(), bindings));
            return n;
        }
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode n = F.objectNode().put("type", "array");
                n.set("items", schema(args[0], bindings));
                if (Set.class.isAssignableFrom(raw)) {
                    n.put("uniqueItems", true);
                }
                return n;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode n = F.objectNode().put("type", "object");
                n.set("additionalProperties", schema(args[1], bindings));
                return n;
            }
            if (raw == Optional.class) {
                return schema(args[0], bindings);
            }
            if (raw.isRecord()) {
                Map<TypeVariable<?>, Type> b = new HashMap<>();
                TypeVariable<?>[] vars = raw.getTypeParameters();
                for (int i = 0; i < vars.length && i < args.length; i++) {
                    b.put(vars[i], resolve(args[i], bindings));
                }
                return recordSchema(raw, b); // generic records are inlined, e.g. Page<Person>
            }
            return schema(raw, bindings);
        }
        if (!(t instanceof Class<?> c)) {
            return F.objectNode();
        }
        ObjectNode simple = simpleSchema(c);
        if (simple != null) {
            return simple;
        }
        if (c.isArray()) {
            ObjectNode n = F.objectNode().put("type", "array");
            n.set("items", schema(c.getComponentType(), bindings));
            return n;
        }
        if (c.isEnum()) {
            ObjectNode n = F.objectNode().put("type", "string");
            ArrayNode values = n.putArray("enum");
            for (Object e : c.getEnumConstants()) {
                values.add(((Enum<?>) e).name());
            }
            return n;
        }
        if (c.isRecord()) {
            if (c.getTypeParameters().length > 0) {
                return recordSchema(c, Map.of());
            }
            return F.objectNode().put("$ref", "#/components/schemas/" + component(c));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return F.objectNode().put("type", "array").set("items", F.objectNode());
        }
        return F.objectNode().put("type", "object");
    }

    private String component(Class<?> c) {
        String existing = schemaNames.get(c);
        if (existing != null) {
            return existing;
        }
        String name = c.getSimpleName();
        for (int i = 2; schemas.containsKey(name); i++) {
            name = c.getSimpleName() + i;
        }
        schemaNames.put(c, name);
        schemas.put(name, F.objectNode()); // placeholder: recursive records end here
        schemas.put(name, recordSchema(c, Map.of()));
        return name;
    }

    private ObjectNode recordSchema(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
        ObjectNode n = F.objectNode().put("type", "object");
        ObjectNode props = n.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (RecordComponent rc : c.getRecordComponents()) {
            props.set(rc.getName(), schema(rc.getGenericType(), bindings));
            if (rc.getType().isPrimitive()) {
                required.add(rc.getName());
            }
        }
        if (!required.isEmpty()) {
            n.set("required", required);
        }
        return n;
    }

    private static Type resolve(Type t, Map<TypeVariable<?>, Type> bindings) {
        return t instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : t;
    }

    private static ObjectNode simpleSchema(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class) {
            return F.objectNode().put("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                || c == Byte.class) {
            return F.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == long.class || c == Long.class || c == BigInteger.class) {
            return F.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == double.class || c == Double.class || c == BigDecimal.class) {
            return F.objectNode().put("type", "number").put("format", "double");
        }
        if (c == float.class || c == Float.class) {
            return F.objectNode().put("type", "number").put("format", "float");
        }
        if (c == LocalDate.class) {
            return F.objectNode().put("type", "string").put("format", "date");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class || c == LocalDateTime.class) {
            return F.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == LocalTime.class || c == java.time.Duration.class) {
            return F.objectNode().put("type", "string");
        }
        if (c == UUID.class) {
            return F.objectNode().put("type", "string").put("format", "uuid");
        }
        if (c == Void.class || c == void.class || c == Object.class) {
            return F.objectNode();
        }
        return null;
    }

    private static ObjectNode problemSchema() {
        ObjectNode n = F.objectNode().put("type", "object");
        ObjectNode p = n.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer").put("format", "int32");
        p.putObject("detail").put("type", "string");
        p.putObject("code").put("type", "string").put("description", "message key, stable for clients");
        p.putObject("errors").put("type", "object").put("description", "field to message, for invalid input")
                .set("additionalProperties", F.objectNode().put("type", "string"));
        p.putObject("reference").put("type", "string").put("description", "incident reference, for 5xx");
        n.putArray("required").add("title").add("status").add("detail");
        return n;
    }

    /** A list of {@code element}, for {@link ApiDoc#responseIsList()}. */
    private record ListOf(Class<?> element) implements Type {
    }
}
