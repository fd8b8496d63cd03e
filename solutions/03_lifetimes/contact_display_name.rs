// Question 3: What are lifetimes in Rust?
// A lifetime is the stretch of code during which a reference is valid. When a function returns a
// reference, its signature must say which argument the result borrows from, so that callers know
// how long they may keep it. With a single reference argument the compiler works that out itself
// (lifetime elision); with two, you have to say.
//
// A contacts app shows the nickname a person chose or, when they left it blank (empty or only
// spaces), their full name. `display_name` returns one of its two arguments, whole and without
// copying it: a nickname with spaces around it is shown as it was typed.
// It does not compile: the compiler cannot tell which argument the result borrows from.
//
// Add the lifetime annotations the compiler asks for.

#[derive(Debug)]
struct Contact {
    nickname: String,
    full_name: String,
}

// `'a` says: the result is valid as long as *both* arguments are, because it may be either.
fn display_name<'a>(nickname: &'a str, full_name: &'a str) -> &'a str {
    if nickname.trim().is_empty() {
        full_name
    } else {
        nickname
    }
}

/// One line of the contact list: the name to show and, in brackets, the full name when the two
/// differ.
fn list_entry(contact: &Contact) -> String {
    let shown = display_name(&contact.nickname, &contact.full_name);
    if shown == contact.full_name {
        shown.to_string()
    } else {
        format!("{shown} ({})", contact.full_name)
    }
}

fn main() {
    let grace = Contact {
        nickname: "Amazing Grace".into(),
        full_name: "Grace Hopper".into(),
    };
    println!("{}", list_entry(&grace));
}
