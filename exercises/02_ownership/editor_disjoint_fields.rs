// Question 2: What are ownership and borrowing in Rust?
// Inside a function the borrow checker tracks each field of a struct on its own, so one field can
// be read while another is changed. A method call cannot show that: `&self` borrows the whole
// struct, `&mut self` borrows the whole struct mutably, whatever the method touches inside.
//
// A text editor has a buffer of lines and a clipboard. `copy_matching` must append to the
// clipboard every line that contains `word` (in buffer order) and return how many it copied; the
// buffer stays as it is. It does not compile: the buffer is borrowed for the loop, and then the
// whole editor is borrowed mutably to reach the clipboard.
//
// Make the two borrows visibly independent. Do not clone the buffer.

#[derive(Debug, Default)]
struct Editor {
    lines: Vec<String>,
    clipboard: Vec<String>,
}

impl Editor {
    fn lines(&self) -> &[String] {
        &self.lines
    }

    fn clipboard_mut(&mut self) -> &mut Vec<String> {
        &mut self.clipboard
    }

    fn copy_matching(&mut self, word: &str) -> usize {
        let mut copied = 0;
        // TODO
        for line in self.lines() {
            if line.contains(word) {
                self.clipboard_mut().push(line.clone());
                copied += 1;
            }
        }
        copied
    }
}

fn main() {
    let mut editor = Editor {
        lines: vec![
            "let x = 1;".into(),
            "// x is one".into(),
            "let y = 2;".into(),
        ],
        ..Editor::default()
    };
    let copied = editor.copy_matching("let");
    println!("copied {copied}: {:?}", editor.clipboard);
}
