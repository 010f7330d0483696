//! Debug information for `kiln build -g`: a DWARF compile unit per module (`.debug_info`,
//! `.debug_line`, `.debug_abbrev`, `.debug_str`, `.debug_ranges`) with a `DW_TAG_subprogram`
//! per Python function, named `module.qualname` like its symbol, and the line table mapping its
//! machine code to Python lines; and `.eh_frame` from Cranelift's unwind information, its FDEs
//! addressed PC-relative (`DW_EH_PE_pcrel | sdata4`) so that the read-only section needs no
//! dynamic relocation (no text relocations in a PIE). The DWARF sections are not loaded, so
//! their absolute relocations cost nothing at run time. Written with `gimli`'s DWARF writer.

use cranelift_codegen::gimli::{
    self,
    write::{
        Address, AttributeValue, CommonInformationEntry, DwarfUnit, EhFrame, EndianVec, FrameTable,
        LineProgram, LineString, Range, RangeList, RelocateWriter, Relocation, RelocationTarget,
        Sections,
    },
};
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_codegen::Context;
use cranelift_module::{FuncId, Module};
use cranelift_object::object::write::{Object, Relocation as ObjRelocation, SectionId};
use cranelift_object::object::{RelocationEncoding, RelocationFlags, RelocationKind, SectionKind};
use cranelift_object::{ObjectModule, ObjectProduct};
use std::collections::HashMap;

/// What the debug information says of one compiled function.
struct FunctionDebug {
    id: FuncId,
    name: String,
    /// The line of its `def` (the first line it has code for).
    line: u32,
    /// Bytes of machine code.
    size: u32,
    /// (code offset, Python line) where the line changes, in offset order.
    rows: Vec<(u32, u32)>,
    unwind: Option<UnwindInfo>,
}

/// The debug information of a module, gathered as its functions are compiled.
pub struct ModuleDebug {
    /// The source file the module's code objects name (`co_filename`).
    file: String,
    functions: Vec<FunctionDebug>,
}

/// A section being written, with the relocations it needs.
#[derive(Clone)]
struct SectionWriter {
    data: EndianVec<gimli::RunTimeEndian>,
    relocations: Vec<Relocation>,
}

impl SectionWriter {
    fn new() -> SectionWriter {
        SectionWriter {
            data: EndianVec::new(gimli::RunTimeEndian::Little),
            relocations: Vec::new(),
        }
    }
}

impl RelocateWriter for SectionWriter {
    type Writer = EndianVec<gimli::RunTimeEndian>;
    fn writer(&self) -> &Self::Writer {
        &self.data
    }
    fn writer_mut(&mut self) -> &mut Self::Writer {
        &mut self.data
    }
    fn relocate(&mut self, relocation: Relocation) {
        self.relocations.push(relocation);
    }
}

const DW_LANG_PYTHON: u16 = 0x0014;

impl ModuleDebug {
    pub fn new(file: &str) -> ModuleDebug {
        ModuleDebug {
            file: file.to_string(),
            functions: Vec::new(),
        }
    }

    /// Records the function `id` just compiled in `ctx` (its source locations are Python
    /// lines, set by the lowering).
    pub fn record(
        &mut self,
        module: &ObjectModule,
        id: FuncId,
        ctx: &Context,
        first_line: u32,
    ) -> Result<(), String> {
        let Some(compiled) = ctx.compiled_code() else {
            return Ok(());
        };
        let mut rows: Vec<(u32, u32)> = Vec::new();
        for loc in compiled.buffer.get_srclocs_sorted() {
            let l = loc.loc;
            if l.is_default() || loc.start == loc.end {
                continue;
            }
            let line = l.bits();
            if rows.last().map(|r| r.1) != Some(line) {
                rows.push((loc.start, line));
            }
        }
        let unwind = compiled
            .create_unwind_info(module.isa())
            .map_err(|e| format!("unwind information: {e:?}"))?;
        let name = module
            .declarations()
            .get_function_decl(id)
            .linkage_name(id)
            .into_owned();
        self.functions.push(FunctionDebug {
            id,
            name,
            line: first_line,
            size: compiled.buffer.data().len() as u32,
            rows,
            unwind,
        });
        Ok(())
    }

    /// Adds the DWARF sections and `.eh_frame` to the finished object.
    pub fn write(
        self,
        product: &mut ObjectProduct,
        cie: Option<CommonInformationEntry>,
    ) -> Result<(), String> {
        let symbols: Vec<_> = self
            .functions
            .iter()
            .map(|f| product.function_symbol(f.id))
            .collect();
        let mut sections = Sections::new(SectionWriter::new());
        self.write_dwarf(&mut sections)?;
        let obj = &mut product.object;
        let mut ids: HashMap<gimli::SectionId, SectionId> = HashMap::new();
        let mut failed: Option<String> = None;
        sections.for_each(|id, w| -> Result<(), String> {
            if w.data.slice().is_empty() {
                return Ok(());
            }
            let sid = obj.add_section(
                Vec::new(),
                id.name().as_bytes().to_vec(),
                SectionKind::Debug,
            );
            let at = obj.append_section_data(sid, w.data.slice(), 1);
            ids.insert(id, sid);
            for r in &w.relocations {
                let (symbol, addend) = match r.target {
                    RelocationTarget::Symbol(i) => (symbols[i], r.addend),
                    RelocationTarget::Section(s) => match ids.get(&s) {
                        Some(t) => (obj.section_symbol(*t), r.addend),
                        None => {
                            failed =
                                Some(format!("{} is referred to before it is written", s.name()));
                            continue;
                        }
                    },
                };
                obj.add_relocation(
                    sid,
                    ObjRelocation {
                        offset: at + r.offset as u64,
                        symbol,
                        addend,
                        flags: RelocationFlags::Generic {
                            kind: RelocationKind::Absolute,
                            encoding: RelocationEncoding::Generic,
                            size: r.size * 8,
                        },
                    },
                )
                .map_err(|e| format!("debug information relocation: {e}"))?;
            }
            Ok(())
        })?;
        if let Some(f) = failed {
            return Err(f);
        }
        if let Some(cie) = cie {
            self.write_eh_frame(obj, &symbols, cie)?;
        }
        Ok(())
    }

    fn write_dwarf(&self, sections: &mut Sections<SectionWriter>) -> Result<(), String> {
        let encoding = gimli::Encoding {
            format: gimli::Format::Dwarf32,
            version: 4,
            address_size: 8,
        };
        let path = std::path::Path::new(&self.file);
        let base = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "<unknown>".into());
        let dir = path
            .parent()
            .map(|d| d.to_string_lossy().into_owned())
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| ".".into());
        let mut dwarf = DwarfUnit::new(encoding);
        let mut lines = LineProgram::new(
            encoding,
            gimli::LineEncoding::default(),
            LineString::String(dir.clone().into_bytes()),
            None,
            LineString::String(base.clone().into_bytes()),
            None,
        );
        let dir_id = lines.default_directory();
        let file_id = lines.add_file(LineString::String(base.clone().into_bytes()), dir_id, None);
        let mut ranges = RangeList(Vec::new());
        for (i, f) in self.functions.iter().enumerate() {
            let start = Address::Symbol {
                symbol: i,
                addend: 0,
            };
            ranges.0.push(Range::StartLength {
                begin: start,
                length: f.size as u64,
            });
            lines.begin_sequence(Some(start));
            for (offset, line) in &f.rows {
                let row = lines.row();
                row.address_offset = *offset as u64;
                row.file = file_id;
                row.line = *line as u64;
                row.is_statement = true;
                lines.generate_row();
            }
            lines.end_sequence(f.size as u64);
        }
        dwarf.unit.line_program = lines;
        let range_list = dwarf.unit.ranges.add(ranges);
        let root = dwarf.unit.root();
        let producer = dwarf
            .strings
            .add(format!("kiln {}", env!("CARGO_PKG_VERSION")));
        let name = dwarf.strings.add(self.file.clone());
        let comp_dir = dwarf.strings.add(dir);
        let e = dwarf.unit.get_mut(root);
        e.set(gimli::DW_AT_producer, AttributeValue::StringRef(producer));
        e.set(
            gimli::DW_AT_language,
            AttributeValue::Language(gimli::DwLang(DW_LANG_PYTHON)),
        );
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        e.set(gimli::DW_AT_comp_dir, AttributeValue::StringRef(comp_dir));
        e.set(
            gimli::DW_AT_low_pc,
            AttributeValue::Address(Address::Constant(0)),
        );
        e.set(
            gimli::DW_AT_ranges,
            AttributeValue::RangeListRef(range_list),
        );
        for (i, f) in self.functions.iter().enumerate() {
            let sp = dwarf.unit.add(root, gimli::DW_TAG_subprogram);
            let name = dwarf.strings.add(f.name.clone());
            let e = dwarf.unit.get_mut(sp);
            e.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
            e.set(gimli::DW_AT_external, AttributeValue::Flag(true));
            e.set(
                gimli::DW_AT_low_pc,
                AttributeValue::Address(Address::Symbol {
                    symbol: i,
                    addend: 0,
                }),
            );
            e.set(gimli::DW_AT_high_pc, AttributeValue::Udata(f.size as u64));
            e.set(
                gimli::DW_AT_decl_file,
                AttributeValue::FileIndex(Some(file_id)),
            );
            e.set(gimli::DW_AT_decl_line, AttributeValue::Udata(f.line as u64));
            e.set(
                gimli::DW_AT_frame_base,
                AttributeValue::Exprloc(gimli::write::Expression::raw(vec![
                    gimli::DW_OP_call_frame_cfa.0,
                ])),
            );
        }
        dwarf
            .write(sections)
            .map_err(|e| format!("writing DWARF: {e}"))
    }

    fn write_eh_frame(
        &self,
        obj: &mut Object<'static>,
        symbols: &[cranelift_object::object::write::SymbolId],
        mut cie: CommonInformationEntry,
    ) -> Result<(), String> {
        cie.fde_address_encoding = gimli::DW_EH_PE_pcrel | gimli::DW_EH_PE_sdata4;
        let mut table = FrameTable::default();
        let cie_id = table.add_cie(cie);
        let mut any = false;
        for (i, f) in self.functions.iter().enumerate() {
            if let Some(UnwindInfo::SystemV(u)) = &f.unwind {
                let fde = u.to_fde(Address::Symbol {
                    symbol: i,
                    addend: 0,
                });
                table.add_fde(cie_id, fde);
                any = true;
            }
        }
        if !any {
            return Ok(());
        }
        let mut eh = EhFrame(SectionWriter::new());
        table
            .write_eh_frame(&mut eh)
            .map_err(|e| format!("writing .eh_frame: {e}"))?;
        let w = eh.0;
        let sid = obj.section_id(cranelift_object::object::write::StandardSection::EhFrame);
        let at = obj.append_section_data(sid, w.data.slice(), 8);
        for r in &w.relocations {
            let RelocationTarget::Symbol(i) = r.target else {
                continue;
            };
            let pcrel = r
                .eh_pe
                .is_some_and(|pe| pe.application() == gimli::DW_EH_PE_pcrel);
            let kind = if pcrel {
                RelocationKind::Relative
            } else {
                RelocationKind::Absolute
            };
            obj.add_relocation(
                sid,
                ObjRelocation {
                    offset: at + r.offset as u64,
                    symbol: symbols[i],
                    addend: r.addend,
                    flags: RelocationFlags::Generic {
                        kind,
                        encoding: RelocationEncoding::Generic,
                        size: r.size * 8,
                    },
                },
            )
            .map_err(|e| format!(".eh_frame relocation: {e}"))?;
        }
        Ok(())
    }
}
