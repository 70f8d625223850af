package cn.gannan.hpf.modules.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.modules.api.ModuleExport;

@Command(scope = "hpf", name = "module-export", description = "Exports a module's data to a zip of CSV files")
@Service
public class ModuleExportCommand extends ModuleAction {

    @Argument(index = 0, required = true, description = "Module id")
    @Completion(ModuleIdCompleter.class)
    String id;

    @Argument(index = 1, description = "Folder to write the zip to (default: the current folder)")
    String folder = ".";

    @Override
    protected Object run(Caller caller) throws Exception {
        ModuleExport e = modules.exportData(caller, id);
        Path out = Path.of(folder).toAbsolutePath().resolve(e.fileName());
        Files.write(out, e.zip());
        System.out.printf("Exported %d tables, %d rows to %s%n", e.tables(), e.rows(), out);
        return null;
    }
}
