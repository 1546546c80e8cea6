// Assembly text of pimcc binaries (docs/binary-format.md, "Assembly text").
// namespace: Pimcc.Isa.Assembly.Grammar
// Deliberately generic: a statement is a mnemonic or directive followed by operands. Mnemonics and their
// operand kinds are resolved through the instruction/command tables, so no rule here restates the ISA.
grammar PimAsm;

program     : line (NEWLINE line)* EOF ;
line        : label* statement? ;
label       : IDENT ':' ;
statement   : directive | instruction ;
directive   : DIRECTIVE (operand (',' operand)*)? ;
instruction : IDENT (operand (',' operand)*)? ;
operand     : (name=IDENT '=')? value ;
value       : INT | IDENT | STRING ;

DIRECTIVE   : '.' [a-z_] [a-z0-9_]* ;
IDENT       : [A-Za-z_] [A-Za-z0-9_.]* ;
INT         : '-'? ( '0' [xX] [0-9a-fA-F]+ | [0-9]+ ) ;
STRING      : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;
COMMENT     : ';' ~[\r\n]* -> skip ;
WS          : [ \t]+ -> skip ;
NEWLINE     : '\r'? '\n' ;
