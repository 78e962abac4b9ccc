import { useEffect } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import Bold from '@tiptap/extension-bold';
import Italic from '@tiptap/extension-italic';
import Strike from '@tiptap/extension-strike';
import HardBreak from '@tiptap/extension-hard-break';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import { UndoRedo } from '@tiptap/extensions';
import { useTranslation } from 'react-i18next';

export interface RichTextEditorProps {
  /** rjsf's id for the field: the editable area carries it, so the field's label points at it. */
  id: string;
  label: string;
  /** The stored HTML ('' when empty). */
  value: string;
  /** The HTML to save, or undefined when the editor is empty (an empty field, not `<p></p>`). */
  onChange: (html: string | undefined) => void;
  onBlur: () => void;
  onFocus: () => void;
}

type Mark = 'bold' | 'italic' | 'strike' | 'bulletList' | 'orderedList';
const BUTTONS: { mark: Mark; key: string; text: string; run: (e: Editor) => boolean }[] = [
  { mark: 'bold', key: 'bold', text: 'B', run: (e) => e.chain().focus().toggleBold().run() },
  { mark: 'italic', key: 'italic', text: 'I', run: (e) => e.chain().focus().toggleItalic().run() },
  { mark: 'strike', key: 'strike', text: 'S', run: (e) => e.chain().focus().toggleStrike().run() },
  { mark: 'bulletList', key: 'bullets', text: '•', run: (e) => e.chain().focus().toggleBulletList().run() },
  { mark: 'orderedList', key: 'numbered', text: '1.', run: (e) => e.chain().focus().toggleOrderedList().run() },
];

/**
 * TipTap with the formatting CRM notes need: bold, italic, strikethrough, lists and undo. Its
 * extensions one by one rather than the starter kit: no headings, code blocks, link detection
 * or drop cursor to download (about a quarter of the kit's size).
 */
export default function RichTextEditor({ id, label, value, onChange, onBlur, onFocus }: RichTextEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [Document, Paragraph, Text, Bold, Italic, Strike, HardBreak, BulletList, OrderedList, ListItem, ListKeymap, UndoRedo],
    content: value,
    editorProps: { attributes: { id, class: 't-richtext t-richtext-content', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label } },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? undefined : e.getHTML()),
    onBlur,
    onFocus,
  });
  // A value from outside (the record loaded, a 412 re-applied) replaces the content; our own edits come back equal.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (value !== current) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(BUTTONS.map((b) => [b.mark, Boolean(e?.isActive(b.mark))])) as Record<Mark, boolean>,
  });
  return (
    <div className="t-richtext-editor">
      <div className="t-richtext-toolbar" role="toolbar" aria-label={t('form.richText.toolbar')} aria-controls={id}>
        {BUTTONS.map((b) => (
          <button key={b.key} type="button" className="t-btn t-btn-small" aria-label={t(`form.richText.${b.key}`)} title={t(`form.richText.${b.key}`)}
            aria-pressed={Boolean(active?.[b.mark])} disabled={!editor}
            // Keep the editor's selection: a mouse-down on the button would take the focus first.
            onMouseDown={(e) => e.preventDefault()} onClick={() => editor && b.run(editor)}>
            {b.text}
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
