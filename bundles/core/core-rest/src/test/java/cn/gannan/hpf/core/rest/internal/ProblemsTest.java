package cn.gannan.hpf.core.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuthenticationException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.OrgUnitDraft;
import cn.gannan.hpf.core.api.PersonDraft;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.spi.DataAccessException;

public class ProblemsTest {

    private static final Locale ZH = Msg.ZH_CN;
    private static final Locale EN = Locale.ENGLISH;
    private final ObjectMapper json = ObjectMappers.create();

    private JsonNode body(Response r) throws IOException {
        assertEquals("application/problem+json; charset=UTF-8", r.getHeaderString(HttpHeaders.CONTENT_TYPE));
        String text = new String((byte[]) r.getEntity(), StandardCharsets.UTF_8);
        assertFalse(text, text.contains("Exception"));
        assertFalse(text, text.contains("\tat "));
        assertFalse(text, text.contains("cn.gannan"));
        assertFalse(text, text.contains("com.fasterxml"));
        return json.readTree(text);
    }

    private Response map(Throwable t, Locale l) {
        return Problems.of(t, l, "GET /api/test").toResponse(l);
    }

    @Test
    public void validationIs422WithFieldErrors() throws IOException {
        ValidationException v = new ValidationException(Msg.core("error.validation", 2),
                Map.of("name", Msg.core("error.field.required", "name")));
        Response r = map(v, EN);
        assertEquals(422, r.getStatus());
        JsonNode b = body(r);
        assertEquals(422, b.get("status").asInt());
        assertEquals("Invalid input", b.get("title").asText());
        assertEquals("2 fields need correcting.", b.get("detail").asText());
        assertEquals("This field is required.", b.get("errors").get("name").asText());
        assertEquals("error.validation", b.get("code").asText());
        assertNull(b.get("reference"));

        JsonNode zh = body(map(v, ZH));
        assertEquals("输入有误", zh.get("title").asText());
        assertEquals("此项为必填项。", zh.get("errors").get("name").asText());
    }

    @Test
    public void statusOfEachServiceException() throws IOException {
        assertEquals(403, map(new AccessDeniedException(Msg.core("error.access.office", "GN01")), ZH).getStatus());
        Response nf = map(new cn.gannan.hpf.core.api.NotFoundException(Msg.core("error.notFound", "人员", "x")), EN);
        assertEquals(404, nf.getStatus());
        assertEquals("Not found", body(nf).get("title").asText());
        Response stale = map(new StaleRecordException(Msg.core("error.stale")), ZH);
        assertEquals(409, stale.getStatus());
        assertEquals("该记录已被他人修改。请重新打开后再修改。", body(stale).get("detail").asText());
        Response auth = map(new AuthenticationException(Msg.core("error.login.failed")), EN);
        assertEquals(401, auth.getStatus());
        assertTrue(auth.getHeaderString(HttpHeaders.WWW_AUTHENTICATE).startsWith("Basic realm=\"hpf\""));
        assertEquals("Wrong username or password.", body(auth).get("detail").asText());
        assertEquals("zh-CN", map(new StaleRecordException(Msg.core("error.stale")), ZH).getHeaderString(HttpHeaders.CONTENT_LANGUAGE));
    }

    @Test
    public void dataAccessKeepsTheCoreReference() throws IOException {
        Response r = map(new DataAccessException("DB-1234", new java.sql.SQLException("table FOO missing")), EN);
        assertEquals(500, r.getStatus());
        JsonNode b = body(r);
        assertEquals("DB-1234", b.get("reference").asText());
        assertTrue(b.get("detail").asText().contains("DB-1234"));
        assertFalse(b.toString().contains("FOO"));
    }

    @Test
    public void anythingElseIs500WithAReference() throws IOException {
        Response r = map(new IllegalStateException("secret internals"), ZH);
        assertEquals(500, r.getStatus());
        JsonNode b = body(r);
        String ref = b.get("reference").asText();
        assertTrue(ref, ref.startsWith("API-"));
        assertTrue(b.get("detail").asText().contains(ref));
        assertEquals("内部错误", b.get("title").asText());
        assertFalse(b.toString().contains("secret"));
    }

    @Test
    public void webApplicationExceptionsGetGenericLocalizedText() throws IOException {
        Response nf = map(new NotFoundException(), ZH);
        assertEquals(404, nf.getStatus());
        assertEquals("请求的资源不存在。", body(nf).get("detail").asText());
        Response na = map(new NotAllowedException("GET", new String[] { "HEAD" }), EN);
        assertEquals(405, na.getStatus());
        assertNotNull(na.getHeaderString(HttpHeaders.ALLOW));
        assertEquals("This method is not allowed on this resource.", body(na).get("detail").asText());
        Response teapot = map(new javax.ws.rs.WebApplicationException(418), EN);
        assertEquals(418, teapot.getStatus());
        assertEquals("The request could not be processed (HTTP 418).", body(teapot).get("detail").asText());
    }

    @Test
    public void malformedJsonIs400WithLocation() throws IOException {
        Exception e = parse("{\"name\": }", OrgUnitDraft.class);
        Response r = map(e, EN);
        assertEquals(400, r.getStatus());
        String detail = body(r).get("detail").asText();
        assertTrue(detail, detail.startsWith("The request body is not valid JSON: error at line 1, column"));
        assertTrue(body(map(e, ZH)).get("detail").asText().startsWith("请求内容不是有效的 JSON：第 1 行"));
    }

    @Test
    public void unknownFieldIs400NamingTheField() throws IOException {
        Exception e = parse("{\"name\":\"x\",\"colour\":\"red\"}", OrgUnitDraft.class);
        JsonNode b = body(map(e, EN));
        assertEquals(400, b.get("status").asInt());
        String detail = b.get("detail").asText();
        assertTrue(detail, detail.startsWith("Field colour has a wrong value: this field is not known"));
        assertTrue(detail, detail.contains("officeCode"));
        assertTrue(b.get("errors").has("colour"));
    }

    @Test
    public void wrongEnumAndDateNameFieldAndAllowedValues() throws IOException {
        JsonNode b = body(map(parse("{\"type\":\"CLUB\"}", OrgUnitDraft.class), EN));
        assertTrue(b.get("detail").asText(), b.get("detail").asText().startsWith("Field type has a wrong value: the value must be one of: PARTY_GROUP"));
        JsonNode d = body(map(parse("{\"birthDate\":\"1990-13-01\"}", PersonDraft.class), ZH));
        assertTrue(d.get("detail").asText(), d.get("detail").asText().contains("字段 birthDate"));
        JsonNode n = body(map(parse("{\"sortOrder\":\"abc\"}", OrgUnitDraft.class), EN));
        assertTrue(n.get("detail").asText(), n.get("detail").asText().contains("sortOrder"));
        assertTrue(n.get("detail").asText(), n.get("detail").asText().contains("a number"));
    }

    @Test
    public void payloadTooLargeIs413EvenWhenWrapped() throws IOException {
        Response r = map(new RuntimeException(new PayloadTooLargeException(Problems.MAX_BODY_BYTES)), EN);
        assertEquals(413, r.getStatus());
        assertEquals("The request body is larger than 1 MB.", body(r).get("detail").asText());
    }

    @Test
    public void limitedStreamFailsBeyondTheLimit() throws IOException {
        var in = new LimitedInputStream(new java.io.ByteArrayInputStream(new byte[20]), 10);
        in.read(new byte[10]);
        try {
            in.read(new byte[10]);
            throw new AssertionError("expected 413");
        } catch (PayloadTooLargeException expected) {
            // ok
        }
    }

    @Test
    public void mapperPassesRedirectsThrough() {
        ProblemMapper m = new ProblemMapper();
        Response r = m.toResponse(new javax.ws.rs.RedirectionException(303, java.net.URI.create("/api/x")));
        assertEquals(303, r.getStatus());
        Response p = m.toResponse(new StaleRecordException(Msg.core("error.stale")));
        assertEquals(409, p.getStatus()); // no injected context: zh-CN default
    }

    private Exception parse(String text, Class<?> type) {
        try {
            json.readValue(text, type);
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }
}
