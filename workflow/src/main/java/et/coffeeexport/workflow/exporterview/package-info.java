/**
 * An exporter's own view (issue 14, item 4): its exports a page at a time, each with its status,
 * the next deadline the ledger recorded and the documents the exporter must still provide for what
 * comes next ({@code GET /api/exports}); its registration, standing, applications with ECTA's
 * answers, and notices ({@code GET /api/exporters/me}). Only the caller's own: the exporter is the
 * one its certificate names, never a parameter. Every read is signed by the exporter.
 */
package et.coffeeexport.workflow.exporterview;
