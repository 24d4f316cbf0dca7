package ai.molecule.drift.history;

import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Spring Batch's metadata tables once, under Flyway's control, from the schema script that
 * ships in spring-batch-core for the database in use (H2, PostgreSQL, ...). Letting Spring Batch
 * re-run its DDL on every start would instead fail (and be traced) on each existing table.
 */
public class V1__Spring_batch_metadata extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		String product = connection.getMetaData().getDatabaseProductName();
		DatabaseDriver driver = DatabaseDriver.fromProductName(product);
		ClassPathResource script = new ClassPathResource(
				"org/springframework/batch/core/schema-" + driver.getId() + ".sql");
		if (!script.exists()) {
			throw new IllegalStateException("Spring Batch has no metadata schema for " + product + " (" + script.getPath() + ")");
		}
		ScriptUtils.executeSqlScript(connection, script);
	}
}
