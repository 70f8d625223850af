package cn.gannan.hpf.core.rest.internal;

import javax.ws.rs.ext.ContextResolver;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hands the API's {@link ObjectMapper} to the JSON provider. Aries' Jackson extension registers a
 * plain {@code JacksonJsonProvider}, which asks the application's {@code ContextResolver<ObjectMapper>}
 * (through its injected {@code Providers}) before falling back to a default mapper. Deliberately
 * carries no {@code osgi.jaxrs.media.type}: it must not satisfy {@code @JSONRequired} on its own.
 */
@Component(service = ContextResolver.class)
@JaxrsExtension
@JaxrsName("hpf.json.mapper")
public class JsonMapperResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = ObjectMappers.create();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
