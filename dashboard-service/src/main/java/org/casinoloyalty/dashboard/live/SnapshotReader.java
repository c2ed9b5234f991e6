package org.casinoloyalty.dashboard.live;

import org.casinoloyalty.dashboard.sql.EngineDialect;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of everything the tabs show: the watermark, then every feature's {@link LiveQuery}, so a
 * fixed number of statements per refresh whatever the number of open browsers.
 */
@Component
class SnapshotReader {

	private final EngineDialect dialect;

	private final WatermarkRepository watermarks;

	private final Map<Class<?>, LiveQuery<?>> queries = new LinkedHashMap<>();

	private final LiveProperties properties;

	private final Clock clock;

	SnapshotReader(EngineDialect dialect, WatermarkRepository watermarks, List<LiveQuery<?>> queries,
			LiveProperties properties, Clock clock) {
		this.dialect = dialect;
		this.watermarks = watermarks;
		queries.forEach(query -> this.queries.put(AopUtils.getTargetClass(query), query));
		this.properties = properties;
		this.clock = clock;
	}

	LiveSnapshot read() {
		var engine = dialect.engine();
		Watermark watermark = watermarks.read();
		LiveRead read = new LiveRead(watermark, properties.history(), queries);
		for (Class<?> query : queries.keySet()) {
			@SuppressWarnings("unchecked")
			Class<? extends LiveQuery<Object>> type = (Class<? extends LiveQuery<Object>>) query;
			read.part(type);
		}
		return new LiveSnapshot(clock.instant(), engine, watermark, read.parts());
	}

}
