package cn.gannan.hpf.core.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.rest.ApiDoc;

public class OpenApiBuilderTest {

    public enum Kind { PARTY, OFFICE }

    public record Meeting(String id, Kind kind, LocalDate date, int number, List<String> topics) {
    }

    @Path("/meetings/")
    @Produces("application/json")
    @ApiDoc("Meetings")
    public static class SampleResource {
        @GET
        @ApiDoc("List meetings")
        public Page<Meeting> list(@Context HttpServletRequest r, @QueryParam("year") String year,
                @QueryParam("limit") @DefaultValue("50") int limit) {
            return null;
        }

        @GET
        @Path("{id: [0-9a-f-]+}")
        public Meeting get(@PathParam("id") String id) {
            return null;
        }

        @POST
        @ApiDoc(value = "Create", response = Meeting.class)
        public Response create(Meeting draft) {
            return null;
        }

        @PUT
        @Path("/{id}/")
        public Meeting update(@PathParam("id") String id, Meeting draft) {
            return null;
        }

        @DELETE
        @Path("{id}")
        public void delete(@PathParam("id") String id) {
        }

        public String notAnOperation() {
            return null;
        }
    }

    private ObjectNode build() {
        return new OpenApiBuilder("t", "1.0.0", "/api", Set.of("/openapi.json"))
                .build(List.of(new OpenApiBuilder.Resource(SampleResource.class, "x"),
                        new OpenApiBuilder.Resource(OpenApiResource.class, "hpf.openapi"),
                        new OpenApiBuilder.Resource(PeopleResource.class, "hpf.core.people")));
    }

    @Test
    public void pathsOperationsAndParameters() {
        JsonNode doc = build();
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertEquals("/api", doc.at("/servers/0/url").asText());
        JsonNode paths = doc.get("paths");
        assertTrue(paths.has("/meetings"));
        assertTrue(paths.toString(), paths.has("/meetings/{id}"));
        assertFalse(paths.toString().contains("[0-9a-f-]"));
        JsonNode list = paths.at("/~1meetings/get");
        assertEquals("List meetings", list.get("summary").asText());
        assertEquals("meetings", list.at("/tags/0").asText());
        assertEquals(2, list.get("parameters").size()); // the @Context parameter is not listed
        assertEquals("year", list.at("/parameters/0/name").asText());
        assertEquals("query", list.at("/parameters/0/in").asText());
        assertEquals("50", list.at("/parameters/1/schema/default").asText());
        assertEquals("integer", list.at("/parameters/1/schema/type").asText());
        // Page<Meeting> is inlined with its element type resolved
        assertEquals("#/components/schemas/Meeting",
                list.at("/responses/200/content/application~1json/schema/properties/items/items/$ref").asText());
        JsonNode meeting = doc.at("/components/schemas/Meeting");
        assertEquals("date", meeting.at("/properties/date/format").asText());
        assertEquals("PARTY", meeting.at("/properties/kind/enum/0").asText());
        assertEquals("array", meeting.at("/properties/topics/type").asText());
        assertEquals("number", meeting.at("/required/0").asText());

        JsonNode byId = paths.get("/meetings/{id}");
        assertEquals("path", byId.at("/get/parameters/0/in").asText());
        assertTrue(byId.at("/get/parameters/0/required").asBoolean());
        assertEquals("#/components/schemas/Meeting",
                byId.at("/put/requestBody/content/application~1json/schema/$ref").asText());
        assertTrue(byId.at("/delete/responses").has("204"));
        JsonNode create = paths.at("/~1meetings/post");
        assertEquals("#/components/schemas/Meeting",
                create.at("/responses/201/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Problem",
                create.at("/responses/default/content/application~1problem+json/schema/$ref").asText());
    }

    @Test
    public void securityAndCoreResources() {
        JsonNode doc = build();
        assertEquals("basic", doc.at("/components/securitySchemes/basicAuth/scheme").asText());
        assertEquals(0, doc.at("/paths/~1openapi.json/get/security").size());
        assertTrue(doc.at("/paths/~1meetings/get").get("security") == null);
        JsonNode people = doc.at("/paths/~1people/get");
        assertEquals(7, people.get("parameters").size());
        assertTrue(doc.at("/paths").has("/people/{id}/status"));
        assertTrue(doc.at("/components/schemas").has(Person.class.getSimpleName()));
        assertTrue(doc.at("/components/schemas").has("StatusChangeRequest"));
    }

    @Test
    public void joinPathNormalises() {
        assertEquals("/a/{id}/b", OpenApiBuilder.joinPath("a", "/{id : \\d+}/b/"));
        assertEquals("/a", OpenApiBuilder.joinPath("/a/", ""));
        assertEquals("/", OpenApiBuilder.joinPath("/", "/"));
        assertEquals("/x/{a}/{b}", OpenApiBuilder.joinPath("x", "{a:[a-z]{2,3}}/{b}"));
    }

    @Test
    public void defaultApplicationSelect() {
        assertTrue(OpenApiResource.inDefaultApplication(null));
        assertTrue(OpenApiResource.inDefaultApplication("(osgi.jaxrs.name=.default)"));
        assertFalse(OpenApiResource.inDefaultApplication("(osgi.jaxrs.name=other)"));
    }
}
