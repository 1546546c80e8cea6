// Grammar of the pimcc textual IR (.pimir): exactly what compiler/Pimcc.Ir/Printer.cs prints,
// plus // line comments. Newlines are ordinary white space; the printer's one-item-per-line layout
// is a convention, not syntax. Semantic checks (element types, base64, duplicate names, integer
// ranges) are done by IrTextParser while it builds the module, so errors can name the token.
// namespace: Pimcc.Frontends.IrText
grammar PimIr;

file        : header module EOF ;
header      : PIMIR version=INT ;

module      : MODULE name=GLOBAL_NAME '{' moduleItem* '}' ;
moduleItem  : ATTR attr                                                        # ModuleAttr
            | WEIGHT name=GLOBAL_NAME ':' tensorType attrDict? (ASSIGN DENSE data=STRING)?  # WeightDecl
            | KV_CACHE name=GLOBAL_NAME ':' tensorType attrDict?              # KvCacheDecl
            | function                                                         # FuncDecl
            ;

function    : FUNC name=GLOBAL_NAME '(' (param (',' param)*)? ')' attrDict? '{' operation* returnStmt '}' ;
param       : VALUE_NAME ':' tensorType ;
returnStmt  : RETURN (operand (',' operand)*)? ;

// `%a, %b = opcode(%x, @w) {attrs} : t1, t2`. Results and types are optional only so that any
// module the printer can print reads back; the verifier rejects ops without results.
operation   : (VALUE_NAME (',' VALUE_NAME)*)? ASSIGN opcode '(' (operand (',' operand)*)? ')' attrDict? ':' (tensorType (',' tensorType)*)? ;
opcode      : ident | STRING ;
operand     : VALUE_NAME | GLOBAL_NAME ;

// `f16[seq,768]`: element type name, then dimensions (linear integer expressions).
tensorType  : element=ident '[' (expr (',' expr)*)? ']' ;

attrDict    : '{' attr (',' attr)* '}' ;
attr        : key=attrKey ASSIGN value ;
attrKey     : ident | STRING ;

value       : MINUS? FLOAT                                 # FloatValue
            | MINUS? INF                                   # InfValue
            | NAN                                          # NanValue
            | (TRUE | FALSE)                               # BoolValue
            | STRING                                       # StringValue
            | '[' (value (',' value)*)? ']'                # ListValue
            | expr                                         # ExprValue
            ;

// Linear integer expression as SymExpr prints it: `-3`, `kv+1`, `128*kv+128`, `2*kv-1`.
expr        : neg=MINUS? term (sign+=(PLUS | MINUS) term)* ;
term        : INT                                          # ConstTerm
            | INT '*' symbol                               # ScaledSymbolTerm
            | symbol                                       # SymbolTerm
            ;
// A symbol is an identifier, or `$"..."` when its name is not one (or is a value word such as inf).
symbol      : ID | structuralWord | QUOTED_SYMBOL ;

ident          : ID | structuralWord | valueWord ;
structuralWord : PIMIR | MODULE | ATTR | WEIGHT | DENSE | KV_CACHE | FUNC | RETURN ;
valueWord      : TRUE | FALSE | INF | NAN ;

PIMIR    : 'pimir' ;
MODULE   : 'module' ;
ATTR     : 'attr' ;
WEIGHT   : 'weight' ;
DENSE    : 'dense' ;
KV_CACHE : 'kv_cache' ;
FUNC     : 'func' ;
RETURN   : 'return' ;
TRUE     : 'true' ;
FALSE    : 'false' ;
INF      : 'inf' ;
NAN      : 'nan' ;

ASSIGN : '=' ;
PLUS   : '+' ;
MINUS  : '-' ;

// `%name` values and `@name` globals: bare names per IrNames.IsBare, or a quoted string.
VALUE_NAME  : '%' (BARE_NAME | STRING) ;
GLOBAL_NAME : '@' (BARE_NAME | STRING) ;
QUOTED_SYMBOL : '$' STRING ;

FLOAT  : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT ;
INT    : DIGITS ;
ID     : [A-Za-z_] [A-Za-z0-9_.]* ;
// Escapes as StringAttr.Quote writes them; \r is accepted for hand-written files.
STRING : '"' (ESCAPE | ~["\\\r\n])* '"' ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
WS           : [ \t\r\n\uFEFF]+ -> skip ;

fragment BARE_NAME : [A-Za-z0-9_.$-]+ ;
fragment DIGITS    : [0-9]+ ;
fragment EXPONENT  : [eE] [+-]? DIGITS ;
fragment ESCAPE    : '\\' (["\\ntr] | 'u' HEX HEX HEX HEX) ;
fragment HEX       : [0-9a-fA-F] ;
